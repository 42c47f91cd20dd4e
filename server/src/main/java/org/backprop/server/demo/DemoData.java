package org.backprop.server.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.backprop.grader.compile.CompileUnavailableException;
import org.backprop.server.account.Account;
import org.backprop.server.account.PasswordHasher;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.assignment.AssignmentFolder;
import org.backprop.server.assignment.AssignmentPublisher;
import org.backprop.server.assignment.CourseTime;
import org.backprop.server.assignment.InvalidSpecException;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;
import org.backprop.server.team.TeamSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the demo course and its accounts the first time the demo starts, publishes (or re-publishes)
 * every assignment in {@code assignments/} into it, imports its real dataset ({@link DemoDatasets}), and prints the
 * accounts, assignments and datasets at every start so that whoever ran the Run command can sign in.
 */
@ApplicationScoped
public class DemoData {
    static final String COURSE_CODE = "DL-DEMO";
    static final String PASSWORD = "backprop-demo";
    static final String JOIN_CODE = "DEEPLRN1";
    static final String TEAM_SET = "Homework teams";
    /** Long enough to try self-selection on a fresh demo; the instructor can close it earlier. */
    private static final Duration SELECTION_OPEN = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    AssignmentFolder assignmentFolder;

    @Inject
    AssignmentPublisher publisher;

    @Inject
    DemoDatasets datasets;

    @ConfigProperty(name = "backprop.demo.enabled")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        List<String> accounts = createIfMissing();
        List<String> assignments = publishAssignments();
        List<String> data = datasets.importIfMissing();
        // Read back rather than taken from JOIN_CODE: the instructor may have rotated it since the first start.
        String joinCode = QuarkusTransaction.requiringNew()
                .call(() -> Course.findByCode(COURSE_CODE).orElseThrow().joinCode);
        StringBuilder text = new StringBuilder("\n\nBackprop demo is running on http://localhost:8080\n"
                + "Course \"Deep Learning\" (" + COURSE_CODE + ", join code " + joinCode + "), team selection for \""
                + TEAM_SET + "\". Every demo account's password is \"" + PASSWORD + "\":\n");
        accounts.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("Assignments published from ").append(assignmentFolder.ids().isEmpty() ? "(none found)"
                : "assignments/").append(":\n");
        assignments.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("Datasets of the course:\n");
        data.forEach(line -> text.append("  ").append(line).append('\n'));
        LOG.info(text);
    }

    /**
     * Publishes every folder of {@code assignments/} into the demo course, each in a transaction of its own:
     * a folder whose spec is invalid is reported and skipped, the others are published.
     */
    List<String> publishAssignments() {
        long courseId = QuarkusTransaction.requiringNew().call(() -> Course.findByCode(COURSE_CODE).orElseThrow().id);
        List<String> lines = new ArrayList<>();
        for (String id : assignmentFolder.ids()) {
            try {
                lines.add(QuarkusTransaction.requiringNew().call(() -> {
                    Assignment assignment = publisher.publish(courseId, id,
                            DemoHomeworkDatasets.rewrite(assignmentFolder.read(id))).assignment();
                    return id + ": \"" + assignment.title + "\", due "
                            + CourseTime.sentence(assignment.dueAt, Course.<Course>findById(courseId).timeZone);
                }));
            } catch (InvalidSpecException e) {
                lines.add(id + ": NOT published, " + e.errors());
            } catch (CompileUnavailableException e) {
                lines.add(id + ": NOT published, its hidden tests could not be compiled: " + e.getMessage());
            }
        }
        return lines;
    }

    @Transactional
    List<String> createIfMissing() {
        Course course = Course.findByCode(COURSE_CODE).orElseGet(() -> {
            Course created = new Course();
            created.code = COURSE_CODE;
            created.title = "Deep Learning";
            created.timeZone = "Asia/Seoul";
            created.joinCode = JOIN_CODE;
            created.persist();
            return created;
        });
        openTeamSelection(course);
        List<String> lines = new ArrayList<>();
        lines.add(member(course, "instructor@demo.backprop.dev", "Prof. Kim", CourseRole.INSTRUCTOR));
        lines.add(member(course, "ta1@demo.backprop.dev", "TA Lee", CourseRole.TA));
        lines.add(member(course, "ta2@demo.backprop.dev", "TA Park", CourseRole.TA));
        for (int i = 1; i <= 12; i++) {
            lines.add(member(course, String.format("student%02d@demo.backprop.dev", i), "Student " + i,
                    CourseRole.STUDENT));
        }
        return lines;
    }

    /** Teams of 3 to 4, as the course forms them, chosen by the students themselves for a week. */
    private static void openTeamSelection(Course course) {
        if (TeamSet.count("courseId = ?1 and name = ?2", course.id, TEAM_SET) > 0) {
            return;
        }
        TeamSet teams = new TeamSet();
        teams.courseId = course.id;
        teams.name = TEAM_SET;
        teams.minSize = 3;
        teams.maxSize = 4;
        teams.selectionClosesAt = Instant.now().plus(SELECTION_OPEN);
        teams.persist();
    }

    private String member(Course course, String email, String name, CourseRole role) {
        Account account = Account.findByEmail(email).orElseGet(() -> {
            Account created = new Account();
            created.email = email;
            created.displayName = name;
            created.passwordHash = passwordHasher.hash(PASSWORD);
            created.persist();
            CourseMember.of(course.id, created.id, role).persist();
            return created;
        });
        return String.format("%-12s %s (%s)", role, account.email, account.displayName);
    }
}
