package org.backprop.server.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A way of splitting a course into teams, e.g. the homework teams; students pick until selection closes. */
@Entity
@Table(name = "team_set")
public class TeamSet extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id", nullable = false)
    public Long courseId;

    @Column(nullable = false)
    public String name;

    @Column(name = "min_size", nullable = false)
    public int minSize;

    @Column(name = "max_size", nullable = false)
    public int maxSize;

    @Column(name = "selection_closes_at", nullable = false)
    public Instant selectionClosesAt;

    public boolean selectionOpen(Instant now) {
        return now.isBefore(selectionClosesAt);
    }
}
