package org.backprop.server.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseRole;

/** Publishes assignments, shows them to course members, and lets instructors move deadlines. */
@ApplicationScoped
public class AssignmentService {
    /** A relative path inside a folder: no empty, "." or ".." segments, no backslashes. */
    private static final Pattern FOLDER_PATH =
            Pattern.compile("(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9_$.-]+(/[A-Za-z0-9_$.-]+)*");

    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    @Inject
    AssignmentPublisher publisher;

    @Inject
    AssignmentFolder folder;

    @Inject
    AssignmentViews views;

    @Inject
    ExtensionService extensions;

    @Inject
    Clock clock;

    /** The outcome of an import, for the resource to choose 201 or 200. */
    public record Imported(AssignmentView assignment, boolean created) {
    }

    @Transactional
    public Imported importFiles(long courseId, ImportRequest request) {
        access.requireInstructor(courseId, "publish assignments");
        String slug = request.id().strip();
        if (!SpecParser.SLUG.matcher(slug).matches()) {
            throw ApiError.badRequest("\"id\" must be lower-case letters, digits and dashes such as hw-convnets, got \""
                    + slug + "\".");
        }
        Map<String, String> files = new TreeMap<>();
        request.files().forEach((path, content) -> {
            if (path == null || !FOLDER_PATH.matcher(path).matches() || path.length() > 300) {
                throw ApiError.badRequest("\"files\" has the path \"" + path + "\", which is not a relative path"
                        + " inside the folder (letters, digits, . _ - and /, no \"..\").");
            }
            if (content == null) {
                throw ApiError.badRequest("\"files\": the file " + path + " has no content.");
            }
            files.put(path, content);
        });
        return imported(publisher.publish(courseId, slug, files));
    }

    @Transactional
    public Imported importFromFolder(long courseId, String id) {
        access.requireInstructor(courseId, "publish assignments");
        return imported(publisher.publish(courseId, id, folder.read(id)));
    }

    /** Returns the ids of the server's assignment folders, for an instructor choosing one to publish. */
    @Transactional
    public List<String> folders(long courseId) {
        access.requireInstructor(courseId, "publish assignments");
        return folder.ids();
    }

    @Transactional
    public Page<AssignmentView> list(long courseId, PageParams paging) {
        access.requireMember(courseId);
        boolean staff = isStaff(courseId);
        return Page.of(Assignment.<Assignment>find("courseId = ?1 order by dueAt, id", courseId), paging,
                assignment -> views.of(assignment, staff));
    }

    @Transactional
    public AssignmentView get(long assignmentId) {
        Assignment assignment = find(assignmentId);
        access.requireMember(assignment.courseId);
        return views.of(assignment, isStaff(assignment.courseId));
    }

    /** Returns the starter files' text by path. */
    @Transactional
    public Map<String, String> starter(long assignmentId) {
        Assignment assignment = find(assignmentId);
        access.requireMember(assignment.courseId);
        Map<String, String> files = new TreeMap<>();
        StarterFile.<StarterFile>list("key.assignmentId", assignmentId).forEach(f -> files.put(f.key.path, f.content));
        return files;
    }

    /** Returns the deadline that applies to the calling student: the team's and their own extension included. */
    @Transactional
    public DeadlineView myDeadline(long assignmentId) {
        Assignment assignment = find(assignmentId);
        access.requireMember(assignment.courseId);
        Duration extension = assignment.teamOf(me.id())
                .map(team -> extensions.inForce(assignment.id, team, me.id()))
                .orElse(Extension.forStudent(assignment.id, me.id()));
        return DeadlineView.of(assignment.timeline(), Course.<Course>findById(assignment.courseId).timeZone,
                extension);
    }

    @Transactional
    public AssignmentView editDeadline(long assignmentId, DeadlineRequest request) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(assignmentId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(assignmentId));
        access.requireInstructor(assignment.courseId, "change deadlines");
        List<LateCreditTimeline.Step> steps = new ArrayList<>();
        for (int i = 0; i < request.lateCredit().size(); i++) {
            DeadlineRequest.Step step = request.lateCredit().get(i);
            String field = "\"lateCredit[" + i + "]";
            Duration until = SpecParser.duration(step.until()).orElseThrow(() -> ApiError.badRequest(field
                    + ".until\" must be a time after the due time such as 24h, 3d or 90m, got \"" + step.until()
                    + "\"."));
            if (!steps.isEmpty() && until.compareTo(steps.get(i - 1).until()) <= 0) {
                throw ApiError.badRequest(field + ".until\" must be later than the step before it: the timeline must"
                        + " increase.");
            }
            if (!steps.isEmpty() && step.credit() > steps.get(i - 1).creditPercent()) {
                throw ApiError.badRequest(field + ".credit\" must not be more than the step before it.");
            }
            steps.add(new LateCreditTimeline.Step(until, step.credit()));
        }
        assignment.dueAt = request.dueAt();
        assignment.updatedAt = clock.instant();
        LateCreditStep.replace(assignment.id, steps);
        return views.of(assignment, true);
    }

    static Assignment find(long assignmentId) {
        return Assignment.<Assignment>findByIdOptional(assignmentId).orElseThrow(() -> notFound(assignmentId));
    }

    private Imported imported(AssignmentPublisher.Published published) {
        return new Imported(views.of(published.assignment(), true), published.created());
    }

    private boolean isStaff(long courseId) {
        return me.isAdmin() || access.role(courseId).filter(role -> role != CourseRole.STUDENT).isPresent();
    }

    private static RuntimeException notFound(long assignmentId) {
        return ApiError.notFound("There is no assignment with id " + assignmentId + ".");
    }
}
