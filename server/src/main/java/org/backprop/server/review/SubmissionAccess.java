package org.backprop.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.backprop.server.api.ApiError;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseRole;
import org.backprop.server.submission.Submission;

/** Finds a submission and decides whether the current account may review it or read its results. */
@ApplicationScoped
class SubmissionAccess {
    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess courses;

    /** A submission with its assignment, and whether the caller sees it as staff. */
    record Graded(Submission submission, Assignment assignment, boolean staff) {
    }

    /** Returns the submission if the caller is staff of its course. */
    Graded staff(long submissionId, String toDoWhat) {
        Graded graded = find(submissionId);
        courses.requireStaff(graded.assignment().courseId, toDoWhat);
        return new Graded(graded.submission(), graded.assignment(), true);
    }

    /** Returns the submission if the caller is staff of its course or a member of the team that handed it in. */
    Graded staffOrTeam(long submissionId) {
        Graded graded = find(submissionId);
        Assignment assignment = graded.assignment();
        courses.requireMember(assignment.courseId);
        boolean staff = me.isAdmin() || courses.role(assignment.courseId).filter(role -> role != CourseRole.STUDENT)
                .isPresent();
        if (!staff && !assignment.teamOf(me.id()).map(graded.submission().teamId::equals).orElse(false)) {
            throw ApiError.forbidden("Submission " + submissionId + " belongs to another team; you can only see"
                    + " your own team's results.");
        }
        return new Graded(graded.submission(), assignment, staff);
    }

    private static Graded find(long submissionId) {
        Submission submission = Submission.<Submission>findByIdOptional(submissionId).orElseThrow(() ->
                ApiError.notFound("There is no submission with id " + submissionId + "."));
        return new Graded(submission, Assignment.findById(submission.assignmentId), false);
    }
}
