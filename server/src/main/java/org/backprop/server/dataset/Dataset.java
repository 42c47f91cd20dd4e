package org.backprop.server.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One imported dataset of a course; its content is the manifest stored under {@link #manifestSha256}. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id", nullable = false, updatable = false)
    public Long courseId;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(nullable = false, updatable = false)
    public String version;

    @Column(name = "manifest_sha256", nullable = false, updatable = false)
    public String manifestSha256;

    @Column(name = "created_by", nullable = false, updatable = false)
    public Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
