package org.backprop.server.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.backprop.server.api.ApiError;
import org.backprop.server.auth.CurrentAccount;

/**
 * Decides what the current account may do in a course. Administrators may do everything; everyone else
 * needs a membership with a role high enough. Each refusal names what was asked, for whoever reads it.
 */
@ApplicationScoped
public class CourseAccess {
    @Inject
    CurrentAccount me;

    /** Returns the course if the current account takes part in it (or is an administrator). */
    public Course requireMember(long courseId) {
        Course course = course(courseId);
        if (!me.isAdmin() && role(courseId).isEmpty()) {
            throw ApiError.forbidden("You are not enrolled in this course. If you should be, ask your instructor"
                    + " for the course's join code.");
        }
        return course;
    }

    /** Returns the course if the current account is one of its instructors or TAs. */
    public Course requireStaff(long courseId, String toDoWhat) {
        Course course = course(courseId);
        if (!me.isAdmin() && role(courseId).filter(role -> role != CourseRole.STUDENT).isEmpty()) {
            throw ApiError.forbidden("Only the instructors and TAs of this course can " + toDoWhat + ".");
        }
        return course;
    }

    /** Returns the course if the current account is one of its instructors. */
    public Course requireInstructor(long courseId, String toDoWhat) {
        Course course = course(courseId);
        if (!me.isAdmin() && role(courseId).filter(role -> role == CourseRole.INSTRUCTOR).isEmpty()) {
            throw ApiError.forbidden("Only the instructors of this course can " + toDoWhat + ".");
        }
        return course;
    }

    /** Returns the current account's role in the course, if it is a member. */
    public Optional<CourseRole> role(long courseId) {
        return CourseMember.membership(courseId, me.id()).map(member -> member.role);
    }

    private static Course course(long courseId) {
        return Course.<Course>findByIdOptional(courseId)
                .orElseThrow(() -> ApiError.notFound("There is no course with id " + courseId + "."));
    }
}
