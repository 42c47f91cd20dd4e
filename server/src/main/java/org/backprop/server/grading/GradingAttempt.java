package org.backprop.server.grading;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One lease of a job: who held it, when, and how it ended ({@code outcome} is null while it runs). */
@Entity
@Table(name = "grading_attempt")
public class GradingAttempt extends PanacheEntityBase {
    @Id
    @Column(name = "lease_id")
    public UUID leaseId;

    @Column(name = "job_id", nullable = false, updatable = false)
    public long jobId;

    @Column(nullable = false, updatable = false)
    public int attempt;

    /** Null for the server's in-process worker. */
    @Column(name = "worker_token_id", updatable = false)
    public Long workerTokenId;

    @Column(nullable = false, updatable = false)
    public String owner;

    @Column(name = "leased_at", nullable = false, updatable = false)
    public Instant leasedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    public AttemptOutcome outcome;

    public String error;

    public String logs;

    void end(AttemptOutcome how, Instant at, String errorMessage, String errorLogs) {
        outcome = how;
        endedAt = at;
        error = errorMessage;
        logs = errorLogs;
    }
}
