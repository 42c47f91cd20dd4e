package org.backprop.server.experiment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The model a run's program saved after the run's fit ended, as the page sent it: at most one per run, a later
 * save replacing it. The bytes are in the blob store under {@link #sha256}.
 */
@Entity
@Table(name = "run_model")
public class RunModel extends PanacheEntityBase {
    /** The run of the experiment log the model belongs to. */
    @Id
    @Column(name = "run_id")
    public Long runId;

    /** The name the program saved it under ({@code model.save(name)}). */
    @Column(nullable = false)
    public String name;

    /** SHA-256 (lowercase hex) of the saved-model bytes: their name in the blob store. */
    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** The member whose session sent it. */
    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;
}
