package org.backprop.server.course;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A course as its members see it. */
public record CourseView(
        long id,
        String code,
        String title,
        String timeZone,
        @Schema(description = "The caller's role; null for an administrator who is not a member") CourseRole myRole) {

    static CourseView of(Course course, CourseRole myRole) {
        return new CourseView(course.id, course.code, course.title, course.timeZone, myRole);
    }
}
