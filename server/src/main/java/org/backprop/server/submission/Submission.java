package org.backprop.server.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a team's hand-in: written once, never changed (the database refuses updates). Its files
 * are {@link SubmissionFile} rows pointing into the {@link BlobStore}.
 */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public Long assignmentId;

    @Column(name = "team_id", nullable = false, updatable = false)
    public Long teamId;

    /** 1, 2, 3… per team and assignment. */
    @Column(nullable = false, updatable = false)
    public int version;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public Long submittedBy;

    /** The server's clock when it accepted the submission; what the credit was decided by. */
    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    /** SHA-256 over the canonical manifest of the files (see {@link ContentHash}). */
    @Column(name = "content_hash", nullable = false, updatable = false)
    public String contentHash;

    @Column(name = "credit_percent", nullable = false, updatable = false)
    public int creditPercent;

    @Column(name = "late_seconds", nullable = false, updatable = false)
    public long lateSeconds;

    @Column(name = "extension_seconds", nullable = false, updatable = false)
    public long extensionSeconds;

    @Column(name = "total_bytes", nullable = false, updatable = false)
    public long totalBytes;
}
