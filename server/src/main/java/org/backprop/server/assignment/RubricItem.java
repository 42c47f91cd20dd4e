package org.backprop.server.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One graded item of an assignment: its points, what students read, and the check that grades it. */
@Entity
@Table(name = "rubric_item")
public class RubricItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    /** The item's id in the spec, e.g. {@code residual-connections}; stable across re-imports. */
    @Column(name = "item_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public BigDecimal points;

    @Column(nullable = false)
    public String description;

    /** The check's name in the catalogue, e.g. {@code ablation}. */
    @Column(name = "check_name", nullable = false)
    public String checkName;

    /** The check's parameters as JSON; may hold thresholds students should not see. */
    @Column(name = "params_json", nullable = false)
    public String paramsJson;
}
