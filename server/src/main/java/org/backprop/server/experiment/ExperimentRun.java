package org.backprop.server.experiment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One run of a team's experiment log: the run record a member's program produced, kept as it was sent, with the
 * parts lists show copied out of it. Written once, never changed (the database refuses updates). Who ran it and
 * when are the server's knowledge (the session's account, its clock), not the record's.
 */
@Entity
@Table(name = "experiment_run")
public class ExperimentRun extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "team_id", nullable = false, updatable = false)
    public Long teamId;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public Long assignmentId;

    /** The member whose session sent the run. */
    @Column(name = "account_id", nullable = false, updatable = false)
    public Long accountId;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    /** The SHA-256 (lowercase hex) of the sources the browser says produced the run; null when unknown. */
    @Column(name = "source_sha256", updatable = false)
    public String sourceSha256;

    @Column(nullable = false, updatable = false)
    public String name;

    /** The record's tags as a JSON array of strings. */
    @Column(nullable = false, updatable = false)
    public String tags;

    @Column(nullable = false, updatable = false)
    public long seed;

    @Column(name = "dataset_name", nullable = false, updatable = false)
    public String datasetName;

    @Column(nullable = false, updatable = false)
    public String backend;

    @Column(nullable = false, updatable = false)
    public String device;

    /** The record's final metrics as a JSON object; NaN and infinite values are null, as the record writes them. */
    @Column(name = "final_metrics", nullable = false, updatable = false)
    public String finalMetrics;

    /** The run record document, as {@code RunRecordJson} reads it. */
    @Column(name = "record_json", nullable = false, updatable = false)
    public String recordJson;

    /** SHA-256 (hex) of {@link #recordJson}'s UTF-8 bytes. */
    @Column(name = "record_sha256", nullable = false, updatable = false)
    public String recordSha256;

    /** The length of {@link #recordJson} in UTF-8 bytes. */
    @Column(name = "size_bytes", nullable = false, updatable = false)
    public int sizeBytes;
}
