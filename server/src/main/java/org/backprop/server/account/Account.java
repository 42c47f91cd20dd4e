package org.backprop.server.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Optional;

/** A person who can sign in. Never leaves the server: the API speaks DTO records. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** A bcrypt hash in modular crypt format, never the password. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean admin;

    /** Finds an account by email, ignoring case and surrounding spaces as people type them. */
    public static Optional<Account> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }

    /** Returns the form in which emails are stored: trimmed and lower case. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
