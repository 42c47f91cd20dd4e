package org.backprop.server.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.backprop.server.team.TeamMember;

/** A published assignment of a course; its spec came from {@code assignments/<slug>/assignment.yaml}. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "course_id", nullable = false)
    public Long courseId;

    /** The folder name in {@code assignments/}, e.g. {@code hw-convnets}; unique per course. */
    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    /** The team set whose teams hand in submissions. */
    @Column(name = "team_set_id", nullable = false)
    public Long teamSetId;

    @Column(name = "main_class", nullable = false)
    public String mainClass;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "spec_json", nullable = false)
    public String specJson;

    @Column(name = "spec_sha256", nullable = false)
    public String specSha256;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Optional<Assignment> inCourse(long courseId, String slug) {
        return find("courseId = ?1 and slug = ?2", courseId, slug).firstResultOptional();
    }

    /** Returns the team of {@code accountId} in this assignment's team set, if the student has one. */
    public Optional<Long> teamOf(long accountId) {
        return TeamMember.<TeamMember>find("key.teamSetId = ?1 and key.accountId = ?2", teamSetId, accountId)
                .firstResultOptional().map(seat -> seat.teamId);
    }

    /** Returns the due time and the late-credit steps after it. */
    public LateCreditTimeline timeline() {
        List<LateCreditTimeline.Step> steps = LateCreditStep.<LateCreditStep>list("assignmentId = ?1 order by position", id)
                .stream()
                .map(step -> new LateCreditTimeline.Step(Duration.ofSeconds(step.untilSeconds), step.creditPercent))
                .toList();
        return new LateCreditTimeline(dueAt, steps);
    }
}
