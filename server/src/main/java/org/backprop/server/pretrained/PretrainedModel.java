package org.backprop.server.pretrained;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One pretrained model a course published under a name and version; its saved-model bytes are the object stored
 * under {@link #sha256} in the datasets' store.
 */
@Entity
@Table(name = "pretrained_model")
public class PretrainedModel extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id", nullable = false, updatable = false)
    public Long courseId;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(nullable = false, updatable = false)
    public String version;

    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(nullable = false, updatable = false)
    public Long bytes;

    @Column(name = "parameter_count", nullable = false, updatable = false)
    public Long parameterCount;

    /** The shape of one input example, e.g. "224,224,3". */
    @Column(name = "input_shape", nullable = false, updatable = false)
    public String inputShape;

    /** The layer table, as {@code model.summary()} prints it. */
    @Column(nullable = false, updatable = false)
    public String summary;

    @Column(name = "created_by", nullable = false, updatable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /**
     * Returns the course's model that {@code name} at {@code version} names ({@code version} null: the newest
     * published), or empty when there is none.
     */
    public static Optional<PretrainedModel> find(long courseId, String name, String version) {
        return PretrainedModel.<PretrainedModel>list("courseId = ?1 and name = ?2 order by createdAt desc", courseId,
                name).stream().filter(model -> version == null || model.version.equals(version)).findFirst();
    }
}
