package org.backprop.server.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import org.backprop.server.account.Account;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;
import org.backprop.server.team.Team;

/**
 * Grants extensions to teams and students and answers which extension applies to a submission. Every
 * grant is kept with who gave it, when and why.
 */
@ApplicationScoped
public class ExtensionService {
    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    @Inject
    Clock clock;

    @Transactional
    public ExtensionView grant(long assignmentId, ExtensionRequest request) {
        Assignment assignment = AssignmentService.find(assignmentId);
        Course course = access.requireStaff(assignment.courseId, "grant extensions");
        if ((request.teamId() == null) == (request.accountId() == null)) {
            throw ApiError.badRequest("Give exactly one of \"teamId\" (an extension for a team) and \"accountId\""
                    + " (for one student).");
        }
        if (request.teamId() != null) {
            Team team = Team.<Team>findByIdOptional(request.teamId())
                    .filter(found -> found.teamSetId.equals(assignment.teamSetId))
                    .orElseThrow(() -> ApiError.badRequest("\"teamId\": there is no team " + request.teamId()
                            + " in the team set of this assignment."));
            return view(save(assignment, team.id, null, request), course);
        }
        boolean student = CourseMember.membership(course.id, request.accountId())
                .filter(member -> member.role == CourseRole.STUDENT).isPresent();
        if (!student) {
            throw ApiError.badRequest("\"accountId\": account " + request.accountId() + " is not a student of this"
                    + " course.");
        }
        return view(save(assignment, null, request.accountId(), request), course);
    }

    /** Lists every grant, newest first: the extensions in force and the history before them. */
    @Transactional
    public Page<ExtensionView> list(long assignmentId, PageParams paging) {
        Assignment assignment = AssignmentService.find(assignmentId);
        Course course = access.requireStaff(assignment.courseId, "see extensions");
        return Page.of(Extension.<Extension>find("assignmentId = ?1 order by grantedAt desc, id desc", assignmentId),
                paging, extension -> view(extension, course));
    }

    /**
     * Returns the extension for a submission by student {@code accountId} of team {@code teamId}: the
     * larger of the team's and the student's own, since either shifts the whole timeline for them.
     */
    public Duration inForce(long assignmentId, long teamId, long accountId) {
        Duration team = Extension.forTeam(assignmentId, teamId);
        Duration student = Extension.forStudent(assignmentId, accountId);
        return team.compareTo(student) >= 0 ? team : student;
    }

    private Extension save(Assignment assignment, Long teamId, Long accountId, ExtensionRequest request) {
        Extension extension = new Extension();
        extension.assignmentId = assignment.id;
        extension.teamId = teamId;
        extension.accountId = accountId;
        extension.extraSeconds = Duration.ofHours(request.hours()).toSeconds();
        extension.reason = request.reason().strip();
        extension.grantedBy = me.id();
        extension.grantedAt = clock.instant();
        extension.persist();
        return extension;
    }

    private static ExtensionView view(Extension extension, Course course) {
        String grantedTo = extension.teamId != null ? Team.<Team>findById(extension.teamId).name
                : Account.<Account>findById(extension.accountId).displayName;
        Account granter = Account.findById(extension.grantedBy);
        return new ExtensionView(extension.id, extension.teamId, extension.accountId, grantedTo,
                extension.extraSeconds, extension.reason, granter.id, granter.displayName, extension.grantedAt,
                CourseTime.iso(extension.grantedAt, course.timeZone));
    }
}
