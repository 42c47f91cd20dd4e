package org.backprop.server.experiment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.backprop.server.api.ApiError;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseRole;
import org.backprop.server.team.Team;
import org.backprop.server.team.TeamSet;

/**
 * Decides whose experiment log the caller reaches: a student their own team's for an assignment, staff any team's
 * of their course. Callers hold a transaction.
 */
@ApplicationScoped
class LogAccess {
    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess courses;

    /** An experiment log: one team's runs for one assignment. */
    record Log(Assignment assignment, long teamId) {
    }

    /** Returns the caller's team's log for the assignment, if the caller is a student in one of its teams. */
    Log mine(long assignmentId) {
        Assignment assignment = assignment(assignmentId);
        courses.requireMember(assignment.courseId);
        if (courses.role(assignment.courseId).filter(role -> role == CourseRole.STUDENT).isEmpty()) {
            throw ApiError.forbidden("Only students of the course keep runs in a team's experiment log; staff read a"
                    + " team's runs with GET /api/teams/{teamId}/assignments/" + assignmentId + "/runs.");
        }
        long teamId = assignment.teamOf(me.id()).orElseThrow(() -> ApiError.conflict("You are not in a team of \""
                + TeamSet.<TeamSet>findById(assignment.teamSetId).name + "\" yet, and runs are kept in your team's"
                + " experiment log. Join a team, or ask your instructor to place you in one."));
        return new Log(assignment, teamId);
    }

    /** Returns a team's log for the assignment, if the caller is staff of its course. */
    Log staff(long teamId, long assignmentId) {
        Assignment assignment = assignment(assignmentId);
        courses.requireStaff(assignment.courseId, "read a team's experiment log");
        Team.<Team>findByIdOptional(teamId).filter(team -> team.teamSetId.equals(assignment.teamSetId))
                .orElseThrow(() -> ApiError.notFound("Assignment " + assignmentId + " has no team with id " + teamId
                        + "."));
        return new Log(assignment, teamId);
    }

    private static Assignment assignment(long assignmentId) {
        return Assignment.<Assignment>findByIdOptional(assignmentId)
                .orElseThrow(() -> ApiError.notFound("There is no assignment with id " + assignmentId + "."));
    }
}
