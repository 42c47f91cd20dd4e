package org.backprop.server.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.backprop.server.api.ApiError;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseRole;
import org.backprop.server.team.Team;
import org.backprop.server.team.TeamSet;

/**
 * Decides whose team work for an assignment the caller reaches (the experiment log, the workspace): a student their
 * own team's, staff any team's of their course. Each caller words the refusals for what it keeps. Callers hold a
 * transaction.
 */
@ApplicationScoped
public class TeamAccess {
    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess courses;

    /** One team's work for one assignment. */
    public record TeamWork(Assignment assignment, long teamId) {
    }

    /**
     * Returns the assignment if the caller is a student of its course; otherwise 403 with {@code notStudent}, which
     * should say where staff go instead.
     */
    public Assignment student(long assignmentId, String notStudent) {
        Assignment assignment = assignment(assignmentId);
        courses.requireMember(assignment.courseId);
        if (courses.role(assignment.courseId).filter(role -> role == CourseRole.STUDENT).isEmpty()) {
            throw ApiError.forbidden(notStudent);
        }
        return assignment;
    }

    /**
     * Returns the caller's team's work for the assignment, if the caller is a student in one of its teams. A student
     * in no team gets a 409 that says why a team is needed: {@code keptWhere}, e.g. "runs are kept in your team's
     * experiment log".
     */
    public TeamWork mine(long assignmentId, String notStudent, String keptWhere) {
        Assignment assignment = student(assignmentId, notStudent);
        long teamId = assignment.teamOf(me.id()).orElseThrow(() -> ApiError.conflict("You are not in a team of \""
                + TeamSet.<TeamSet>findById(assignment.teamSetId).name + "\" yet, and " + keptWhere + ". Join a team,"
                + " or ask your instructor to place you in one."));
        return new TeamWork(assignment, teamId);
    }

    /** Returns a team's work for the assignment, if the caller is staff of its course; {@code toDoWhat} as for 403s. */
    public TeamWork staff(long teamId, long assignmentId, String toDoWhat) {
        Assignment assignment = assignment(assignmentId);
        courses.requireStaff(assignment.courseId, toDoWhat);
        Team.<Team>findByIdOptional(teamId).filter(team -> team.teamSetId.equals(assignment.teamSetId))
                .orElseThrow(() -> ApiError.notFound("Assignment " + assignmentId + " has no team with id " + teamId
                        + "."));
        return new TeamWork(assignment, teamId);
    }

    private static Assignment assignment(long assignmentId) {
        return Assignment.<Assignment>findByIdOptional(assignmentId)
                .orElseThrow(() -> ApiError.notFound("There is no assignment with id " + assignmentId + "."));
    }
}
