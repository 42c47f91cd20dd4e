package org.backprop.server.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseRole;

/** Shows submissions: to the course's staff all of them, to students only their own team's. */
@ApplicationScoped
public class SubmissionReader {
    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    @Inject
    BlobStore blobs;

    /** A file to send: where its bytes are, and what it is. */
    public record Download(Path blob, FileKind kind, String sha256) {
    }

    /** Lists an assignment's submissions, newest first; {@code teamId} narrows the list for staff. */
    @Transactional
    public Page<SubmissionView> list(long assignmentId, Long teamId, PageParams paging) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(assignmentId)
                .orElseThrow(() -> ApiError.notFound("There is no assignment with id " + assignmentId + "."));
        access.requireMember(assignment.courseId);
        if (isStaff(assignment.courseId)) {
            return teamId == null
                    ? Page.of(Submission.find("assignmentId = ?1 order by receivedAt desc, id desc", assignmentId),
                            paging, SubmissionViews::of)
                    : Page.of(Submission.find("assignmentId = ?1 and teamId = ?2 order by version desc", assignmentId,
                            teamId), paging, SubmissionViews::of);
        }
        Long mine = assignment.teamOf(me.id()).orElse(-1L);
        if (teamId != null && !teamId.equals(mine)) {
            throw ApiError.forbidden("You can see your own team's submissions only.");
        }
        return Page.of(Submission.find("assignmentId = ?1 and teamId = ?2 order by version desc", assignmentId, mine),
                paging, SubmissionViews::of);
    }

    @Transactional
    public SubmissionView get(long submissionId) {
        return SubmissionViews.of(readable(submissionId));
    }

    @Transactional
    public Download file(long submissionId, String path) {
        Submission submission = readable(submissionId);
        SubmissionFile file = SubmissionFile.<SubmissionFile>findByIdOptional(new SubmissionFile.Key(submissionId, path))
                .orElseThrow(() -> ApiError.notFound("Submission " + submissionId + " has no file \"" + path + "\"."));
        return new Download(blobs.path(file.sha256), file.kind, file.sha256);
    }

    private Submission readable(long submissionId) {
        Submission submission = Submission.<Submission>findByIdOptional(submissionId)
                .orElseThrow(() -> ApiError.notFound("There is no submission with id " + submissionId + "."));
        Assignment assignment = Assignment.findById(submission.assignmentId);
        access.requireMember(assignment.courseId);
        if (!isStaff(assignment.courseId)
                && !assignment.teamOf(me.id()).map(team -> team.equals(submission.teamId)).orElse(false)) {
            throw ApiError.forbidden("This submission belongs to another team; you can see your own team's only.");
        }
        return submission;
    }

    private boolean isStaff(long courseId) {
        return me.isAdmin() || access.role(courseId).filter(role -> role != CourseRole.STUDENT).isPresent();
    }
}
