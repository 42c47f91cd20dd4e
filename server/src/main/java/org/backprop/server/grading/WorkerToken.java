package org.backprop.server.grading;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A credential for a grading worker: it leases jobs (of one course, or of all for an administrator's token)
 * and posts results, nothing else. Only its SHA-256 is kept.
 */
@Entity
@Table(name = "worker_token")
public class WorkerToken extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    /** Null: every course's jobs. */
    @Column(name = "course_id", updatable = false)
    public Long courseId;

    @Column(name = "token_hash", nullable = false, unique = true, updatable = false)
    public String tokenHash;

    @Column(name = "created_by", updatable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
