package org.backprop.server.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** One step of an assignment's late-credit timeline, measured from its due time. */
@Entity
@Table(name = "late_credit_step")
public class LateCreditStep extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(nullable = false)
    public int position;

    @Column(name = "until_seconds", nullable = false)
    public long untilSeconds;

    @Column(name = "credit_percent", nullable = false)
    public int creditPercent;

    /** Replaces an assignment's steps with {@code steps}. */
    static void replace(long assignmentId, List<LateCreditTimeline.Step> steps) {
        delete("assignmentId", assignmentId);
        for (int i = 0; i < steps.size(); i++) {
            LateCreditStep step = new LateCreditStep();
            step.assignmentId = assignmentId;
            step.position = i;
            step.untilSeconds = steps.get(i).until().toSeconds();
            step.creditPercent = steps.get(i).creditPercent();
            step.persist();
        }
    }
}
