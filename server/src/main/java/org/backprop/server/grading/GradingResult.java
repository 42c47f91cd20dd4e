package org.backprop.server.grading;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a worker found grading one job: a summary for the student, per-item results, and logs for staff. */
@Entity
@Table(name = "grading_result")
public class GradingResult extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false, updatable = false)
    public long jobId;

    @Column(name = "submission_id", nullable = false, updatable = false)
    public long submissionId;

    /** The lease that posted it, so that the same post repeated is recognised. */
    @Column(name = "lease_id", nullable = false, updatable = false)
    public UUID leaseId;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String logs;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "grading_result_item", joinColumns = @JoinColumn(name = "result_id"))
    @OrderColumn(name = "position")
    public List<GradingResultItem> items = new ArrayList<>();

    public static Optional<GradingResult> forJob(long jobId) {
        return find("jobId", jobId).firstResultOptional();
    }
}
