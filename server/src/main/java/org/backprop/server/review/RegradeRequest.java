package org.backprop.server.review;

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

/** A student's request that staff look again at one item of their team's submission, and the answer. */
@Entity
@Table(name = "regrade_request")
public class RegradeRequest extends PanacheEntityBase {
    /** Where a request stands. */
    public enum State { OPEN, ACCEPTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "submission_id", nullable = false, updatable = false)
    public Long submissionId;

    @Column(name = "item_key", nullable = false, updatable = false)
    public String itemKey;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public Long requestedBy;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "answered_by")
    public Long answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public String answer;

    @Column(name = "score_id")
    public Long scoreId;

    @Column(name = "rerun_job_id")
    public Long rerunJobId;
}
