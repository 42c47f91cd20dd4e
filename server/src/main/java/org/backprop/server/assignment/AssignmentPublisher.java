package org.backprop.server.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backprop.server.course.Course;
import org.backprop.server.team.TeamSet;

/**
 * Publishes an assignment folder into a course, or updates the assignment published from it before.
 * A first import takes the deadline and late-credit timeline from the spec; later imports keep the ones in
 * the database, since staff may have edited them, and never touch submissions. The hidden test sources its
 * {@code tests} items name are kept apart from the starter files, for grading workers only, once they compile against
 * the folder's reference solution. Checks no caller: callers
 * ({@link AssignmentService}, the demo) decide who may publish. Must run inside a transaction.
 */
@ApplicationScoped
public class AssignmentPublisher {
    /** How long team selection stays open when an import has to create the team set. */
    private static final Duration SELECTION_OPEN = Duration.ofDays(7);

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    HiddenTestsCompileCheck hiddenTestsCheck;

    /** The outcome of an import: the assignment and whether it was new. */
    public record Published(Assignment assignment, boolean created) {
    }

    /** Publishes the folder {@code files} (paths relative to it) as assignment {@code slug} of a course. */
    public Published publish(long courseId, String slug, Map<String, String> files) {
        String yaml = files.get(AssignmentFolder.SPEC_FILE);
        if (yaml == null) {
            throw new InvalidSpecException(List.of(new SpecError("(document)", "the folder has no "
                    + AssignmentFolder.SPEC_FILE)));
        }
        AssignmentSpec spec = SpecParser.parse(yaml, files);
        List<SpecError> testErrors = hiddenTestsCheck.check(spec, files);
        if (!testErrors.isEmpty()) {
            throw new InvalidSpecException(testErrors);
        }
        Course course = Course.findById(courseId);
        Instant now = clock.instant();
        Optional<Assignment> existing = Assignment.<Assignment>find("courseId = ?1 and slug = ?2", courseId, slug)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        Assignment assignment = existing.orElseGet(Assignment::new);
        if (existing.isEmpty()) {
            assignment.courseId = courseId;
            assignment.slug = slug;
            assignment.dueAt = due(spec.deadline(), ZoneId.of(course.timeZone), now);
            assignment.importedAt = now;
        }
        TeamSet set = teamSet(course, spec.team(), assignment);
        assignment.teamSetId = set.id;
        assignment.title = spec.title();
        assignment.summary = spec.summary();
        assignment.mainClass = spec.starter().mainClass();
        assignment.specJson = toJson(spec);
        assignment.specSha256 = sha256(assignment.specJson);
        assignment.updatedAt = now;
        assignment.persist();
        if (existing.isEmpty()) {
            LateCreditStep.replace(assignment.id, spec.deadline().lateCredit().stream()
                    .map(step -> new LateCreditTimeline.Step(step.until(), step.creditPercent())).toList());
        }
        replaceRubric(assignment.id, spec.rubric());
        StarterFile.delete("key.assignmentId", assignment.id);
        for (String path : spec.starter().files()) {
            StarterFile.of(assignment.id, path, files.get(path)).persist();
        }
        HiddenTestFile.delete("key.assignmentId", assignment.id);
        for (String path : SpecParser.hiddenTestFiles(spec)) {
            HiddenTestFile.of(assignment.id, path, files.get(path)).persist();
        }
        return new Published(assignment, existing.isEmpty());
    }

    private static Instant due(AssignmentSpec.DeadlineSpec deadline, ZoneId zone, Instant now) {
        if (deadline.due() != null) {
            return deadline.due().atZone(zone).toInstant();
        }
        return now.atZone(zone).toLocalDate().plusDays(deadline.dueDays()).atTime(deadline.dueTime()).atZone(zone)
                .toInstant();
    }

    /**
     * Finds the spec's team set in the course, or creates it with the spec's sizes; an assignment stays with
     * the set it was first published for, since its submissions belong to that set's teams.
     */
    private TeamSet teamSet(Course course, AssignmentSpec.TeamPolicy policy, Assignment assignment) {
        TeamSet set = TeamSet.<TeamSet>find("courseId = ?1 and name = ?2", course.id, policy.set())
                .firstResultOptional().orElse(null);
        if (assignment.teamSetId != null && (set == null || !set.id.equals(assignment.teamSetId))) {
            TeamSet first = TeamSet.findById(assignment.teamSetId);
            throw new InvalidSpecException(List.of(new SpecError("team.set", "this assignment was published for the"
                    + " team set \"" + first.name + "\" and its submissions belong to those teams; publish under a"
                    + " new id to use \"" + policy.set() + "\"")));
        }
        if (set == null) {
            set = new TeamSet();
            set.courseId = course.id;
            set.name = policy.set();
            set.minSize = policy.minSize();
            set.maxSize = policy.maxSize();
            Instant closes = clock.instant().plus(SELECTION_OPEN);
            set.selectionClosesAt = closes.isBefore(assignment.dueAt) ? closes : assignment.dueAt;
            set.persist();
        } else if (set.minSize != policy.minSize() || set.maxSize != policy.maxSize()) {
            throw new InvalidSpecException(List.of(new SpecError("team", "the course's team set \"" + set.name
                    + "\" takes " + set.minSize + " to " + set.maxSize + " members, this spec asks for "
                    + policy.minSize() + " to " + policy.maxSize() + "; make them agree")));
        }
        return set;
    }

    /** Updates items by id, so that an item keeps its row (and later its results) across re-imports. */
    private void replaceRubric(long assignmentId, List<AssignmentSpec.RubricSpec> rubric) {
        Map<String, RubricItem> existing = RubricItem.<RubricItem>list("assignmentId", assignmentId).stream()
                .collect(Collectors.toMap(item -> item.key, Function.identity()));
        for (int i = 0; i < rubric.size(); i++) {
            AssignmentSpec.RubricSpec spec = rubric.get(i);
            RubricItem item = existing.remove(spec.id());
            if (item == null) {
                item = new RubricItem();
                item.assignmentId = assignmentId;
                item.key = spec.id();
            }
            item.position = i;
            item.points = spec.points();
            item.description = spec.description();
            item.checkName = spec.check().name();
            item.paramsJson = spec.params().toString();
            item.persist();
        }
        existing.values().forEach(RubricItem::delete);
    }

    private String toJson(AssignmentSpec spec) {
        try {
            return json.writeValueAsString(spec.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed YAML tree is always writable as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
