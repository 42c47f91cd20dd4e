package org.backprop.server.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One score staff gave a rubric item of a submission; the newest of an item is in force, older ones are its audit trail. */
@Entity
@Table(name = "review_score")
public class ReviewScore extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    public Long submissionId;

    @Column(name = "item_key", nullable = false, updatable = false)
    public String itemKey;

    /** The points in force before, or {@code null} when the item had none (a manual item not yet scored). */
    @Column(name = "old_points", updatable = false)
    public BigDecimal oldPoints;

    @Column(name = "new_points", nullable = false, updatable = false)
    public BigDecimal newPoints;

    @Column(nullable = false, updatable = false)
    public String comment;

    @Column(name = "scored_by", nullable = false, updatable = false)
    public Long scoredBy;

    @Column(name = "scored_at", nullable = false, updatable = false)
    public Instant scoredAt;

    /** Returns a submission's scores, oldest first. */
    static List<ReviewScore> ofSubmission(long submissionId) {
        return list("submissionId = ?1 order by id", submissionId);
    }
}
