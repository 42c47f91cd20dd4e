package org.backprop.server.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.backprop.server.account.Account;
import org.backprop.server.account.PasswordHasher;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the demo course and its accounts the first time the demo starts, and prints the accounts at
 * every start so that whoever ran the Run command can sign in.
 */
@ApplicationScoped
public class DemoData {
    static final String COURSE_CODE = "DL-DEMO";
    static final String PASSWORD = "backprop-demo";
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @Inject
    PasswordHasher passwordHasher;

    @ConfigProperty(name = "backprop.demo.enabled")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        List<String> accounts = createIfMissing();
        StringBuilder text = new StringBuilder("\n\nBackprop demo is running on http://localhost:8080\n"
                + "Course \"Deep Learning\" (" + COURSE_CODE + "). Every demo account's password is \"" + PASSWORD
                + "\":\n");
        accounts.forEach(line -> text.append("  ").append(line).append('\n'));
        LOG.info(text);
    }

    @Transactional
    List<String> createIfMissing() {
        Course course = Course.findByCode(COURSE_CODE).orElseGet(() -> {
            Course created = new Course();
            created.code = COURSE_CODE;
            created.title = "Deep Learning";
            created.timeZone = "Asia/Seoul";
            created.persist();
            return created;
        });
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
