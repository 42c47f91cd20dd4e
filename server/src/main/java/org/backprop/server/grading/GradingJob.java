package org.backprop.server.grading;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One grading of one submission, as the queue keeps it; a regrade is a new job for the same submission. */
@Entity
@Table(name = "grading_job")
public class GradingJob extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    public long submissionId;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public long assignmentId;

    @Column(name = "team_id", nullable = false, updatable = false)
    public long teamId;

    @Column(name = "course_id", nullable = false, updatable = false)
    public long courseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public JobReason reason;

    @Column(name = "requested_by", updatable = false)
    public Long requestedBy;

    @Column(nullable = false)
    public int priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state;

    @Column(nullable = false)
    public int attempts;

    /** The current lease; set only while the job is {@link JobState#LEASED}. */
    @Column(name = "lease_id")
    public UUID leaseId;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** When the current or last lease began. */
    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** What went wrong last, written for the student. */
    @Column(name = "last_error")
    public String lastError;

    /** Ends the current lease, leaving the job in {@code next}. */
    void release(JobState next) {
        state = next;
        leaseId = null;
        leaseOwner = null;
        leaseExpiresAt = null;
    }
}
