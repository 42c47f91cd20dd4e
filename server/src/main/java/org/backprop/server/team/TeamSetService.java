package org.backprop.server.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseAccess;

/** Creates and changes team sets; finds them for the team services. */
@ApplicationScoped
public class TeamSetService {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    CourseAccess access;

    @Inject
    Clock clock;

    @Transactional
    public Page<TeamSetView> list(long courseId, PageParams paging) {
        access.requireMember(courseId);
        return Page.of(TeamSet.<TeamSet>find("courseId = ?1 order by id", courseId), paging,
                set -> TeamSetView.of(set, clock.instant()));
    }

    @Transactional
    public TeamSetView create(long courseId, TeamSetRequest request) {
        access.requireInstructor(courseId, "create team sets");
        TeamSet set = new TeamSet();
        set.courseId = courseId;
        apply(set, request);
        set.persistAndFlush();
        return TeamSetView.of(set, clock.instant());
    }

    @Transactional
    public TeamSetView get(long setId) {
        TeamSet set = find(setId);
        access.requireMember(set.courseId);
        return TeamSetView.of(set, clock.instant());
    }

    /** Changes a set's settings; moving the closing time into the past closes selection at once. */
    @Transactional
    public TeamSetView update(long setId, TeamSetRequest request) {
        TeamSet set = lock(setId);
        access.requireInstructor(set.courseId, "change team sets");
        apply(set, request);
        return TeamSetView.of(set, clock.instant());
    }

    private static void apply(TeamSet set, TeamSetRequest request) {
        if (request.maxSize() < request.minSize()) {
            throw ApiError.badRequest("\"maxSize\" (" + request.maxSize() + ") must be at least \"minSize\" ("
                    + request.minSize() + ").");
        }
        String name = request.name().strip();
        if (TeamSet.count("courseId = ?1 and name = ?2 and id <> ?3", set.courseId, name,
                set.id == null ? -1L : set.id) > 0) {
            throw ApiError.conflict("This course has a team set named \"" + name + "\" already. Choose another name.");
        }
        set.name = name;
        set.minSize = request.minSize();
        set.maxSize = request.maxSize();
        set.selectionClosesAt = request.selectionClosesAt();
    }

    /**
     * Returns the set locked for an instructor's placements, which only make sense once students can no
     * longer pick teams themselves.
     */
    TeamSet closedForInstructor(long setId, String toDoWhat) {
        TeamSet set = lock(setId);
        access.requireInstructor(set.courseId, toDoWhat);
        if (set.selectionOpen(clock.instant())) {
            throw ApiError.conflict("Students can still pick teams in \"" + set.name + "\" until " + closing(set)
                    + ". To " + toDoWhat + " now, close selection first by setting selectionClosesAt to now.");
        }
        return set;
    }

    static TeamSet find(long setId) {
        return TeamSet.<TeamSet>findByIdOptional(setId).orElseThrow(() -> notFound(setId));
    }

    /** Finds a set and locks its row, so that changes to the set and instructor placements happen one at a time. */
    static TeamSet lock(long setId) {
        return TeamSet.<TeamSet>findByIdOptional(setId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(setId));
    }

    /**
     * Finds a set with a shared lock, which students' team changes take: they run side by side, but an
     * instructor's change to the set (closing selection, a balance) waits until they are done, and they
     * then see the change. A student thus never joins a team after the instructor has closed selection.
     */
    static TeamSet lockShared(long setId) {
        return TeamSet.<TeamSet>findByIdOptional(setId, LockModeType.PESSIMISTIC_READ)
                .orElseThrow(() -> notFound(setId));
    }

    /** Returns when selection closes, in the course's time zone, as students read it. */
    static String closing(TeamSet set) {
        Course course = Course.findById(set.courseId);
        return SHOWN.format(set.selectionClosesAt.atZone(ZoneId.of(course.timeZone))) + " (" + course.timeZone + ")";
    }

    private static RuntimeException notFound(long setId) {
        return ApiError.notFound("There is no team set with id " + setId + ".");
    }
}
