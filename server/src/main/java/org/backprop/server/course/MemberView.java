package org.backprop.server.course;

/** One member of a course, as its staff see it. */
public record MemberView(long accountId, String email, String name, CourseRole role) {

    static MemberView of(CourseMember member) {
        return new MemberView(member.account.id, member.account.email, member.account.displayName, member.role);
    }
}
