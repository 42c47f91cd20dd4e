package org.backprop.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.backprop.grader.result.Visibility;
import org.backprop.server.api.ApiError;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.submission.Submission;

/** Staff review of submissions (scores, overrides, the audit trail), publishing, and what students then see. */
@ApplicationScoped
public class ReviewService {
    @Inject
    SubmissionAccess access;

    @Inject
    CourseAccess courses;

    @Inject
    CurrentAccount me;

    @Inject
    ReviewItems items;

    @Inject
    Clock clock;

    /** Returns every item of a submission with its automatic result, the score in force and the points that count. */
    @Transactional
    public ReviewView review(long submissionId) {
        SubmissionAccess.Graded graded = access.staff(submissionId, "review submissions");
        Submission submission = graded.submission();
        List<ReviewItems.Item> all = items.of(submission);
        BigDecimal total = ReviewItems.total(all);
        return new ReviewView(submission.id, submission.assignmentId, submission.teamId, submission.version,
                submission.creditPercent, Publication.findById(submission.assignmentId) != null, total,
                ReviewItems.credited(total, submission.creditPercent),
                all.stream().map(ReviewItemView::of).toList());
    }

    /** Scores one item; a score that replaces points the item already has is an override and needs a comment. */
    @Transactional
    public ReviewItemView score(long submissionId, String itemKey, ScoreRequest request) {
        Submission submission = access.staff(submissionId, "score submissions").submission();
        record(submission, itemKey, request.points(), request.comment());
        return ReviewItemView.of(item(submission, itemKey));
    }

    /** Returns the audit trail of a submission's scores, oldest first. */
    @Transactional
    public List<ScoreView> history(long submissionId) {
        access.staff(submissionId, "see the review history");
        return ReviewScore.ofSubmission(submissionId).stream().map(ScoreView::of).toList();
    }

    /** Publishes an assignment's results to its students; publishing again keeps the first publication. */
    @Transactional
    public PublicationView publish(long assignmentId) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(assignmentId).orElseThrow(() ->
                ApiError.notFound("There is no assignment with id " + assignmentId + "."));
        courses.requireInstructor(assignment.courseId, "publish results");
        Publication publication = Publication.findById(assignmentId);
        if (publication == null) {
            publication = new Publication();
            publication.assignmentId = assignmentId;
            publication.publishedBy = me.id();
            publication.publishedAt = clock.instant();
            publication.persist();
        }
        return PublicationView.of(publication);
    }

    /**
     * Returns a submission's results as its team sees them: only once published (staff may look before), and
     * only the items whose visibility allows it at this moment.
     */
    @Transactional
    public StudentResultView results(long submissionId) {
        SubmissionAccess.Graded graded = access.staffOrTeam(submissionId);
        Submission submission = graded.submission();
        if (!graded.staff() && Publication.findById(submission.assignmentId) == null) {
            throw ApiError.notFound("The results of \"" + graded.assignment().title + "\" are not published yet.");
        }
        List<ReviewItems.Item> shown = items.of(submission).stream()
                .filter(item -> visible(item, graded.assignment())).toList();
        BigDecimal total = ReviewItems.total(shown);
        return new StudentResultView(submission.id, submission.assignmentId, submission.version,
                submission.creditPercent, total, ReviewItems.credited(total, submission.creditPercent),
                shown.stream().map(StudentItemView::of).toList());
    }

    /** Returns the item of a submission a student may see, or says it does not exist for them. */
    ReviewItems.Item visibleItem(Submission submission, Assignment assignment, String itemKey) {
        ReviewItems.Item item = item(submission, itemKey);
        if (!visible(item, assignment)) {
            throw unknownItem(submission, itemKey);
        }
        return item;
    }

    /** Appends a score to the audit trail; the caller has checked that the account may score. */
    ReviewScore record(Submission submission, String itemKey, BigDecimal points, String comment) {
        ReviewItems.Item item = item(submission, itemKey);
        if (points.compareTo(item.rubric().points) > 0) {
            throw ApiError.badRequest("\"points\" must be at most " + item.rubric().points.toPlainString()
                    + ", the points of item \"" + itemKey + "\".");
        }
        BigDecimal old = item.effectivePoints();
        String why = comment == null ? "" : comment.strip();
        if (old != null && why.isEmpty()) {
            throw ApiError.badRequest("\"comment\" is required: item \"" + itemKey + "\" already has "
                    + old.toPlainString() + " points, and changing them needs a reason the team can read.");
        }
        ReviewScore score = new ReviewScore();
        score.submissionId = submission.id;
        score.itemKey = itemKey;
        score.oldPoints = old;
        score.newPoints = points.setScale(2, java.math.RoundingMode.UNNECESSARY);
        score.comment = why;
        score.scoredBy = me.id();
        score.scoredAt = clock.instant();
        score.persist();
        return score;
    }

    private ReviewItems.Item item(Submission submission, String itemKey) {
        return items.of(submission).stream().filter(item -> item.rubric().key.equals(itemKey)).findFirst()
                .orElseThrow(() -> unknownItem(submission, itemKey));
    }

    private boolean visible(ReviewItems.Item item, Assignment assignment) {
        Visibility visibility = item.visibility();
        return visibility == Visibility.VISIBLE
                || visibility == Visibility.AFTER_DUE && !clock.instant().isBefore(assignment.dueAt);
    }

    private static RuntimeException unknownItem(Submission submission, String itemKey) {
        return ApiError.notFound("The assignment of submission " + submission.id + " has no rubric item \""
                + itemKey + "\".");
    }
}
