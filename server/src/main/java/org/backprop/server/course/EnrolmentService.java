package org.backprop.server.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.backprop.server.account.Account;
import org.backprop.server.account.PasswordHasher;
import org.backprop.server.api.ApiError;
import org.backprop.server.auth.CurrentAccount;

/** Brings people into a course: by a roster the instructor imports, or by the join code students type. */
@ApplicationScoped
public class EnrolmentService {
    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    /**
     * Enrols every good line of a roster, creating missing accounts, and reports each bad line. Existing
     * members take the role the roster gives them, except the importer, who cannot change their own role.
     */
    @Transactional
    public RosterReport importRoster(long courseId, String csv) {
        access.requireInstructor(courseId, "import a roster");
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        List<RosterError> errors = new ArrayList<>(parsed.errors());
        int created = 0;
        int enrolled = 0;
        int changed = 0;
        int unchanged = 0;
        for (RosterCsv.Row row : parsed.rows()) {
            Optional<Account> existing = Account.findByEmail(row.email());
            Account account = existing.orElseGet(() -> newAccount(row));
            created += existing.isEmpty() ? 1 : 0;
            Optional<CourseMember> member = CourseMember.membership(courseId, account.id);
            if (member.isEmpty()) {
                CourseMember.of(courseId, account.id, row.role()).persist();
                enrolled++;
            } else if (member.get().role == row.role()) {
                unchanged++;
            } else if (account.id == me.id()) {
                errors.add(new RosterError(row.line(), "This line is you: you cannot change your own role (it stays "
                        + member.get().role + ")."));
            } else {
                member.get().role = row.role();
                changed++;
            }
        }
        errors.sort(Comparator.comparingInt(RosterError::line));
        return new RosterReport(parsed.rows().size() + parsed.errors().size(), created, enrolled, changed, unchanged,
                errors);
    }

    /** Enrols the current account as a student of the course with this join code; joining twice changes nothing. */
    @Transactional
    public CourseView join(String code) {
        String normalized = code.trim().toUpperCase(Locale.ROOT);
        Course course = Course.<Course>find("joinCode", normalized).firstResultOptional()
                .orElseThrow(() -> ApiError.notFound("No course has the join code " + normalized + ". Check the code"
                        + " with your instructor: it may have been changed."));
        CourseMember member = CourseMember.membership(course.id, me.id()).orElseGet(() -> {
            CourseMember joined = CourseMember.of(course.id, me.id(), CourseRole.STUDENT);
            joined.persist();
            return joined;
        });
        return CourseView.of(course, member.role);
    }

    @Transactional
    public JoinCodeView joinCode(long courseId) {
        return new JoinCodeView(access.requireStaff(courseId, "see the join code").joinCode);
    }

    /** Replaces the join code; the old one stops working at once, those already enrolled stay. */
    @Transactional
    public JoinCodeView rotateJoinCode(long courseId) {
        Course course = access.requireInstructor(courseId, "change the join code");
        course.joinCode = CourseService.newJoinCode();
        return new JoinCodeView(course.joinCode);
    }

    private static Account newAccount(RosterCsv.Row row) {
        Account account = new Account();
        account.email = row.email();
        account.displayName = row.name();
        account.passwordHash = PasswordHasher.NO_PASSWORD;
        account.persist();
        return account;
    }
}
