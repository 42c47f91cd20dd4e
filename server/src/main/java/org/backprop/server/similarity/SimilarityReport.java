package org.backprop.server.similarity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** One similarity run over an assignment's newest team submissions; the newest of an assignment is its report. */
@Entity
@Table(name = "similarity_report")
public class SimilarityReport extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false, updatable = false)
    public Long assignmentId;

    @Column(name = "computed_at", nullable = false, updatable = false)
    public Instant computedAt;

    @Column(name = "computed_by", nullable = false, updatable = false)
    public Long computedBy;

    @Column(name = "minimum_token_match", nullable = false, updatable = false)
    public int minimumTokenMatch;

    /** How many team submissions were compared. */
    @Column(nullable = false, updatable = false)
    public int submissions;

    /** The pairs as {@link SimilarityView.PairView} JSON, most similar first. */
    @Column(name = "pairs_json", nullable = false, updatable = false)
    public String pairsJson;

    static Optional<SimilarityReport> latest(long assignmentId) {
        return find("assignmentId = ?1 order by computedAt desc, id desc", assignmentId).firstResultOptional();
    }
}
