package org.backprop.server.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Says that an assignment's results are published: from then on its students see their team's items. */
@Entity
@Table(name = "result_publication")
public class Publication extends PanacheEntityBase {
    @Id
    @Column(name = "assignment_id")
    public Long assignmentId;

    @Column(name = "published_by", nullable = false)
    public Long publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
