package org.backprop.server.grading;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.CourseAccess;

/** What staff see of grading and do with it: the queue's state, jobs, results, and regrades. */
@ApplicationScoped
public class GradingJobService {
    /**
     * A regrade is one job a TA waits on, while a deadline rush queues hundreds nobody watches one by one;
     * so regrades go first.
     */
    static final int REGRADE_PRIORITY = 10;
    private static final int RECENT_FAILURES = 20;

    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    @Inject
    GradingQueue queue;

    @Inject
    Clock clock;

    /** Returns the queue of one course (for its staff), or with {@code courseId} null of all (administrators). */
    @Transactional
    public QueueView queue(Long courseId) {
        if (courseId == null && !me.isAdmin()) {
            throw ApiError.forbidden("Only administrators can see the whole grading queue; instructors see their"
                    + " course's under /api/courses/{courseId}/grading/queue.");
        }
        if (courseId != null) {
            access.requireStaff(courseId, "see the grading queue");
        }
        // A null course matches every job, so one set of queries serves a course and the whole server.
        String scope = "(:course is null or courseId = :course) and state = :state";
        Instant now = clock.instant();
        GradingJob oldest = GradingJob.<GradingJob>find(scope + " order by createdAt, id", scoped(courseId,
                JobState.QUEUED)).firstResult();
        long expired = GradingJob.count(scope + " and leaseExpiresAt <= :now", scoped(courseId, JobState.LEASED)
                .and("now", now));
        List<JobView> failures = GradingJob.<GradingJob>find(scope + " order by finishedAt desc, id desc",
                scoped(courseId, JobState.FAILED)).page(0, RECENT_FAILURES).stream().map(JobView::of).toList();
        return new QueueView(GradingJob.count(scope, scoped(courseId, JobState.QUEUED)),
                oldest == null ? null : oldest.createdAt,
                oldest == null ? null : Duration.between(oldest.createdAt, now).toSeconds(),
                GradingJob.count(scope, scoped(courseId, JobState.LEASED)), expired,
                GradingJob.count(scope, scoped(courseId, JobState.DONE)),
                GradingJob.count(scope, scoped(courseId, JobState.FAILED)), failures);
    }

    /** Lists a course's jobs, newest first, optionally in one state. */
    @Transactional
    public Page<JobView> jobs(long courseId, JobState state, PageParams paging) {
        access.requireStaff(courseId, "see grading jobs");
        return Page.of(state == null ? GradingJob.find("courseId = ?1 order by createdAt desc, id desc", courseId)
                : GradingJob.find("courseId = ?1 and state = ?2 order by createdAt desc, id desc", courseId, state),
                paging, JobView::of);
    }

    @Transactional
    public JobView job(long jobId) {
        return JobView.of(staffJob(jobId, "see grading jobs"));
    }

    @Transactional
    public ResultView result(long jobId) {
        staffJob(jobId, "see grading results");
        return GradingResult.forJob(jobId).map(ResultView::of).orElseThrow(() -> ApiError.notFound("Job " + jobId
                + " has no result yet."));
    }

    /** Queues a new job for a submission that was graded before, ahead of first gradings. */
    @Transactional
    public JobView regrade(long submissionId) {
        GradingJob last = GradingJob.<GradingJob>find("submissionId = ?1 order by id desc", submissionId).firstResult();
        if (last == null) {
            throw ApiError.notFound("Submission " + submissionId + " has never been queued for grading.");
        }
        access.requireStaff(last.courseId, "regrade submissions");
        return JobView.of(queue.enqueue(submissionId, last.assignmentId, last.teamId, JobReason.REGRADE, me.id(),
                REGRADE_PRIORITY));
    }

    private static Parameters scoped(Long courseId, JobState state) {
        return Parameters.with("course", courseId).and("state", state);
    }

    private GradingJob staffJob(long jobId, String toDoWhat) {
        GradingJob job = GradingJob.<GradingJob>findByIdOptional(jobId).orElseThrow(() -> ApiError.notFound(
                "There is no grading job with id " + jobId + "."));
        access.requireStaff(job.courseId, toDoWhat);
        return job;
    }
}
