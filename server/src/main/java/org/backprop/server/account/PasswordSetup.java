package org.backprop.server.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time link with which an account gets its first password; only the token's hash is kept. */
@Entity
@Table(name = "password_setup")
public class PasswordSetup extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    /** The instructor who handed the link out; null once their account is gone. */
    @Column(name = "issued_by")
    public Long issuedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When the link set a password; null while it is unused. */
    @Column(name = "used_at")
    public Instant usedAt;

    /** Removes the account's links that were never used, e.g. when a new one replaces them. */
    public static void forgetUnused(long accountId) {
        delete("accountId = ?1 and usedAt is null", accountId);
    }
}
