package org.backprop.server.review;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.grading.GradingJob;
import org.backprop.server.grading.GradingResult;
import org.backprop.server.submission.Submission;
import org.backprop.server.submission.SubmissionViews;
import org.backprop.server.team.Team;

/**
 * The review desk's queue: a course's submissions with where each stands, oldest first, so that staff work through
 * them in the order they came in. The state of each comes from the grading queue, the results, the scores, the
 * regrade requests and the publication ({@link ReviewState#of}).
 */
@ApplicationScoped
public class ReviewQueueService {
    @Inject
    CourseAccess courses;

    @Inject
    ReviewItems items;

    /** What the queue shows: one course, optionally one assignment, team or state, newest versions or all. */
    public record Filter(Long assignmentId, Long teamId, ReviewState state, boolean allVersions) {
    }

    /** Returns the page of the course's queue that {@code paging} asks for, oldest submission first. */
    @Transactional
    public Page<QueueItemView> queue(long courseId, Filter filter, PageParams paging) {
        courses.requireStaff(courseId, "see the review queue");
        String newest = filter.allVersions() ? "" : " and s.version = (select max(t.version) from Submission t"
                + " where t.assignmentId = s.assignmentId and t.teamId = s.teamId)";
        List<Submission> submissions = Submission.list("from Submission s where s.assignmentId in (select a.id from"
                + " Assignment a where a.courseId = :course) and (:assignment is null or s.assignmentId = :assignment)"
                + " and (:team is null or s.teamId = :team)" + newest + " order by s.receivedAt, s.id",
                Parameters.with("course", courseId).and("assignment", filter.assignmentId())
                        .and("team", filter.teamId()));
        Map<Long, Assignment> assignments = new HashMap<>();
        Map<Long, Team> teams = new HashMap<>();
        List<QueueItemView> shown = submissions.stream()
                // Panache's static finders must be called on the entity class itself, never through a method reference.
                .map(submission -> item(submission, assignments.computeIfAbsent(submission.assignmentId,
                        id -> Assignment.<Assignment>findById(id)), teams.computeIfAbsent(submission.teamId,
                        id -> Team.<Team>findById(id))))
                .filter(item -> filter.state() == null || item.state() == filter.state())
                .toList();
        int from = (int) Math.min((long) paging.page * paging.size, shown.size());
        int to = Math.min(from + paging.size, shown.size());
        return new Page<>(shown.subList(from, to), paging.page, paging.size, shown.size());
    }

    private QueueItemView item(Submission submission, Assignment assignment, Team team) {
        GradingJob job = GradingJob.<GradingJob>find("submissionId = ?1 order by id desc", submission.id)
                .firstResult();
        GradingResult result = GradingResult.<GradingResult>find("submissionId = ?1 order by createdAt desc, id desc",
                submission.id).firstResult();
        int openRegrades = (int) RegradeRequest.count("submissionId = ?1 and state = ?2", submission.id,
                RegradeRequest.State.OPEN);
        boolean published = Publication.findById(submission.assignmentId) != null;
        int versions = (int) Submission.count("assignmentId = ?1 and teamId = ?2", submission.assignmentId,
                submission.teamId);
        List<ReviewItems.Item> all = items.of(submission);
        return new QueueItemView(submission.id, assignment.id, assignment.title, team.id, team.name,
                submission.version, submission.version == versions, versions, submission.receivedAt,
                submission.lateSeconds, SubmissionViews.lateBy(Duration.ofSeconds(submission.lateSeconds)),
                submission.creditPercent,
                ReviewState.of(openRegrades > 0, published, job == null ? null : job.state, all),
                job == null ? null : job.id, result == null ? null : result.jobId, openRegrades,
                ReviewItems.total(all));
    }
}
