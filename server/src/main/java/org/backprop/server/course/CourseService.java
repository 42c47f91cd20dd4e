package org.backprop.server.course;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.Locale;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.auth.Secrets;

/** Creates courses and answers who takes part in which course; enrolment is {@link EnrolmentService}'s. */
@ApplicationScoped
public class CourseService {
    static final int JOIN_CODE_LENGTH = 8;

    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    /**
     * Creates a course whose first instructor is its creator. Administrators and those who already teach a
     * course may create one; students never can.
     */
    @Transactional
    public CourseView create(CourseRequest request) {
        long creator = me.id();
        boolean teaches = CourseMember.count("key.accountId = ?1 and role = ?2", creator, CourseRole.INSTRUCTOR) > 0;
        if (!me.isAdmin() && !teaches) {
            throw ApiError.forbidden("Only administrators and instructors can create courses.");
        }
        String timeZone = zone(request.timeZone());
        String code = request.code().trim().toUpperCase(Locale.ROOT);
        if (Course.findByCode(code).isPresent()) {
            throw ApiError.conflict("A course with the code " + code + " exists already. Choose another code.");
        }
        Course course = new Course();
        course.code = code;
        course.title = request.title().trim();
        course.timeZone = timeZone;
        course.joinCode = newJoinCode();
        course.persist();
        CourseMember.of(course.id, creator, CourseRole.INSTRUCTOR).persist();
        return CourseView.of(course, CourseRole.INSTRUCTOR);
    }

    /**
     * Changes a course's title and time zone, for its instructors. Deadlines are instants, so a new zone changes
     * how they read, never when they fall.
     */
    @Transactional
    public CourseView update(long courseId, CourseUpdateRequest request) {
        Course course = access.requireInstructor(courseId, "change the course's settings");
        course.timeZone = zone(request.timeZone());
        course.title = request.title().trim();
        return CourseView.of(course, access.role(courseId).orElse(null));
    }

    @Transactional
    public Page<CourseView> mine(PageParams paging) {
        return Page.of(CourseMember.<CourseMember>find("key.accountId = ?1 order by course.code", me.id()), paging,
                member -> CourseView.of(member.course, member.role));
    }

    @Transactional
    public CourseView get(long courseId) {
        Course course = access.requireMember(courseId);
        return CourseView.of(course, access.role(courseId).orElse(null));
    }

    @Transactional
    public Page<MemberView> members(long courseId, PageParams paging) {
        access.requireStaff(courseId, "see the member list");
        return Page.of(CourseMember.<CourseMember>find(
                "key.courseId = ?1 order by account.displayName, key.accountId", courseId), paging, MemberView::of);
    }

    /** Returns {@code text} trimmed if it names an IANA time zone; refuses it otherwise. */
    private static String zone(String text) {
        String timeZone = text.trim();
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw ApiError.badRequest("\"" + timeZone + "\" is not a time zone. Use an IANA name such as Asia/Seoul"
                    + " or Europe/Berlin.");
        }
        return timeZone;
    }

    /** Returns a join code no course has yet. */
    static String newJoinCode() {
        String code;
        do {
            code = Secrets.code(JOIN_CODE_LENGTH);
        } while (Course.count("joinCode", code) > 0);
        return code;
    }
}
