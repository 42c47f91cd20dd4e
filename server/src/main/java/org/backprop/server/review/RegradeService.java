package org.backprop.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.grading.GradingJobService;

/** Regrade requests: students ask per item, staff accept (an override) or decline, optionally re-running grading. */
@ApplicationScoped
public class RegradeService {
    @Inject
    SubmissionAccess access;

    @Inject
    CourseAccess courses;

    @Inject
    ReviewService review;

    @Inject
    GradingJobService grading;

    @Inject
    CurrentAccount me;

    @Inject
    Clock clock;

    /** Files a request for an item the team can see in published results. */
    @Transactional
    public RegradeRequestView ask(long submissionId, RegradeAsk ask) {
        SubmissionAccess.Graded graded = access.staffOrTeam(submissionId);
        if (graded.staff()) {
            throw ApiError.forbidden("Regrade requests come from the team; staff score items directly.");
        }
        if (Publication.findById(graded.assignment().id) == null) {
            throw ApiError.notFound("The results of \"" + graded.assignment().title + "\" are not published yet.");
        }
        review.visibleItem(graded.submission(), graded.assignment(), ask.itemKey());
        if (RegradeRequest.count("submissionId = ?1 and itemKey = ?2 and state = ?3", submissionId, ask.itemKey(),
                RegradeRequest.State.OPEN) > 0) {
            throw ApiError.conflict("Your team already has an open regrade request for item \"" + ask.itemKey()
                    + "\"; wait for its answer.");
        }
        RegradeRequest request = new RegradeRequest();
        request.submissionId = submissionId;
        request.itemKey = ask.itemKey();
        request.requestedBy = me.id();
        request.reason = ask.reason().strip();
        request.requestedAt = clock.instant();
        request.state = RegradeRequest.State.OPEN;
        request.persist();
        return RegradeRequestView.of(request);
    }

    /** Lists a submission's requests, newest first, for its team and the course's staff. */
    @Transactional
    public List<RegradeRequestView> ofSubmission(long submissionId) {
        access.staffOrTeam(submissionId);
        return RegradeRequest.<RegradeRequest>list("submissionId = ?1 order by requestedAt desc, id desc", submissionId)
                .stream().map(RegradeRequestView::of).toList();
    }

    /** Lists a course's requests for its staff: open ones first, oldest first among them, then the answered. */
    @Transactional
    public Page<RegradeRequestView> ofCourse(long courseId, PageParams paging) {
        courses.requireStaff(courseId, "see regrade requests");
        return Page.of(RegradeRequest.find("submissionId in (select s.id from Submission s where s.assignmentId in"
                + " (select a.id from Assignment a where a.courseId = ?1)) order by case when state = ?2 then 0 else 1"
                + " end, requestedAt, id", courseId, RegradeRequest.State.OPEN), paging, RegradeRequestView::of);
    }

    /** Answers an open request; accepting records the new points as an override with the answer as its comment. */
    @Transactional
    public RegradeRequestView answer(long requestId, RegradeAnswer answer) {
        RegradeRequest request = RegradeRequest.<RegradeRequest>findByIdOptional(requestId).orElseThrow(() ->
                ApiError.notFound("There is no regrade request with id " + requestId + "."));
        SubmissionAccess.Graded graded = access.staff(request.submissionId, "answer regrade requests");
        if (request.state != RegradeRequest.State.OPEN) {
            throw ApiError.conflict("Regrade request " + requestId + " was already answered ("
                    + request.state.name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        if (answer.decision() == RegradeAnswer.Decision.ACCEPT) {
            if (answer.points() == null) {
                throw ApiError.badRequest("\"points\" is required to accept a regrade request.");
            }
            request.scoreId = review.record(graded.submission(), request.itemKey, answer.points(), answer.comment()).id;
            request.state = RegradeRequest.State.ACCEPTED;
        } else {
            request.state = RegradeRequest.State.DECLINED;
        }
        if (answer.rerun()) {
            request.rerunJobId = grading.regrade(request.submissionId).id();
        }
        request.answeredBy = me.id();
        request.answeredAt = clock.instant();
        request.answer = answer.comment().strip();
        return RegradeRequestView.of(request);
    }
}
