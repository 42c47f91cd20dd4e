package org.backprop.server.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.backprop.server.account.Account;
import org.backprop.server.account.PasswordHasher;
import org.backprop.server.assignment.AssignmentFolder;
import org.backprop.server.assignment.AssignmentPublisher;
import org.backprop.server.auth.Secrets;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;
import org.backprop.server.team.Team;
import org.backprop.server.team.TeamSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * For the deadline-rush benchmark ({@code bench/deadline-rush.mjs}): a course "DL-RUSH" with
 * {@code backprop.demo.rush-students} students ({@code rush001@demo.backprop.dev}…, the demo password) in
 * teams of four and the homework published, so that many clients can submit at once. Demo profile only,
 * off unless that setting is above 0; created once, kept across restarts.
 */
@ApplicationScoped
public class RushData {
    static final String COURSE_CODE = "DL-RUSH";
    static final int TEAM_SIZE = 4;
    static final String ASSIGNMENT = "hw-convnets";
    private static final Logger LOG = Logger.getLogger(RushData.class);

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    AssignmentFolder assignmentFolder;

    @Inject
    AssignmentPublisher publisher;

    @ConfigProperty(name = "backprop.demo.enabled")
    boolean demo;

    @ConfigProperty(name = "backprop.demo.rush-students")
    int students;

    void onStart(@Observes StartupEvent event) {
        if (!demo || students <= 0) {
            return;
        }
        long assignmentId = QuarkusTransaction.requiringNew().call(this::createIfMissing);
        LOG.infof("Deadline rush: course %s with %d students in teams of %d, assignment id %d", COURSE_CODE,
                students, TEAM_SIZE, assignmentId);
    }

    private long createIfMissing() {
        Course course = Course.findByCode(COURSE_CODE).orElse(null);
        if (course == null) {
            course = new Course();
            course.code = COURSE_CODE;
            course.title = "Deep Learning (deadline rush)";
            course.timeZone = "Asia/Seoul";
            course.joinCode = Secrets.code(10);
            course.persist();
            TeamSet set = new TeamSet();
            set.courseId = course.id;
            set.name = "Homework teams";
            set.minSize = 3;
            set.maxSize = TEAM_SIZE;
            set.selectionClosesAt = Instant.now().plus(Duration.ofDays(7));
            set.persist();
            // One bcrypt hash for all: hashing is slow on purpose, and they share the demo password.
            String hash = passwordHasher.hash(DemoData.PASSWORD);
            Team team = null;
            for (int i = 1; i <= students; i++) {
                Account account = new Account();
                account.email = String.format("rush%03d@demo.backprop.dev", i);
                account.displayName = "Rush student " + i;
                account.passwordHash = hash;
                account.persist();
                CourseMember.of(course.id, account.id, CourseRole.STUDENT).persist();
                if ((i - 1) % TEAM_SIZE == 0) {
                    team = new Team();
                    team.teamSetId = set.id;
                    team.name = "Rush team " + ((i - 1) / TEAM_SIZE + 1);
                    team.joinCode = Secrets.code(8);
                    team.persist();
                }
                team.flush();
                // Seats are the team package's to create; a plain insert keeps this setup out of its API.
                Team.getEntityManager().createNativeQuery("insert into team_member (team_set_id, account_id, team_id)"
                        + " values (?1, ?2, ?3)").setParameter(1, set.id).setParameter(2, account.id)
                        .setParameter(3, team.id).executeUpdate();
            }
        }
        return publisher.publish(course.id, ASSIGNMENT, assignmentFolder.read(ASSIGNMENT)).assignment().id;
    }
}
