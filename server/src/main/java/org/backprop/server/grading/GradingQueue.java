package org.backprop.server.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.backprop.grader.worker.wire.LeaseView;
import org.backprop.grader.worker.wire.ResultRequest;
import org.backprop.server.api.ApiError;
import org.backprop.server.team.Team;
import org.backprop.server.team.TeamSet;

/**
 * The grading queue's state machine in PostgreSQL: jobs are queued, leased by one worker at a time
 * ({@code FOR UPDATE SKIP LOCKED}, so concurrent workers never take the same job and never wait on each
 * other), kept by heartbeats, and end done or failed. A lease that expires makes its job leasable again;
 * each lease counts as an attempt, and a job that used up its attempts fails with a message the student
 * can read.
 */
@ApplicationScoped
public class GradingQueue {
    private static final String LEASABLE = "select * from grading_job"
            + " where (state = 'QUEUED' or (state = 'LEASED' and lease_expires_at <= :now))";
    private static final String IN_ORDER = " order by priority desc, created_at, id limit 1 for update skip locked";

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    GradingConfig config;

    @Inject
    ResultRules rules;

    @Inject
    GradingMetrics metrics;

    /** A job and the lease that now holds it. */
    public record Lease(GradingJob job, GradingAttempt attempt) {
    }

    /** Queues a job for the submission; the course comes from the team. */
    @Transactional
    public GradingJob enqueue(long submissionId, long assignmentId, long teamId, JobReason reason, Long requestedBy,
            int priority) {
        Team team = Team.<Team>findByIdOptional(teamId).orElseThrow(() -> new IllegalArgumentException(
                "Submission " + submissionId + " names team " + teamId + ", which does not exist"));
        GradingJob job = new GradingJob();
        job.submissionId = submissionId;
        job.assignmentId = assignmentId;
        job.teamId = teamId;
        job.courseId = TeamSet.<TeamSet>findById(team.teamSetId).courseId;
        job.reason = reason;
        job.requestedBy = requestedBy;
        job.priority = priority;
        job.state = JobState.QUEUED;
        job.createdAt = clock.instant();
        job.persist();
        return job;
    }

    /**
     * Leases the next job {@code holder} may grade: highest priority first, then oldest. Jobs whose lease
     * expired count too; one that has used up its attempts is failed on the way instead.
     */
    @Transactional
    public Optional<Lease> lease(LeaseHolder holder) {
        Instant now = clock.instant();
        while (true) {
            Optional<GradingJob> next = nextLeasable(holder, now);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            GradingJob job = next.get();
            if (job.state == JobState.LEASED) {
                metrics.leaseExpired();
                GradingAttempt.<GradingAttempt>findByIdOptional(job.leaseId).ifPresent(expired -> expired.end(
                        AttemptOutcome.EXPIRED, now, "The worker \"" + expired.owner + "\" stopped answering; its"
                                + " lease expired at " + job.leaseExpiresAt + ".", null));
                if (job.attempts >= config.maxAttempts()) {
                    giveUp(job, now, "the grader stopped answering before it finished (for example because your"
                            + " program used more memory than the grading machine has).");
                    // The next query must see this job failed, or it would find it again.
                    entityManager.flush();
                    continue;
                }
            }
            return Optional.of(leaseTo(job, holder, now));
        }
    }

    /**
     * Ends now the leases the server's own worker {@code holder} took before this process started: that worker died
     * with its server (a crash, a kill), so its jobs are leasable at once instead of when their leases would have
     * expired. Each counts as an expired attempt. Leases of remote workers (a token) are never touched.
     */
    @Transactional
    public int expireLeasesOf(LeaseHolder holder) {
        if (holder.tokenId() != null) {
            throw new IllegalArgumentException("only the server's own worker's leases end at its start");
        }
        return entityManager.createQuery("update GradingJob j set j.leaseExpiresAt = :now where j.state = :leased"
                + " and j.leaseOwner = :owner and exists (select a from GradingAttempt a where a.leaseId = j.leaseId"
                + " and a.workerTokenId is null)")
                .setParameter("now", clock.instant()).setParameter("leased", JobState.LEASED)
                .setParameter("owner", holder.owner()).executeUpdate();
    }

    /** Extends a lease by the lease duration from now. Refused once the lease has ended. */
    @Transactional
    public LeaseView heartbeat(UUID leaseId, LeaseHolder holder) {
        GradingAttempt attempt = attempt(leaseId, holder);
        GradingJob job = lock(attempt.jobId);
        requireCurrent(job, attempt, "this heartbeat does not keep it");
        Instant now = clock.instant();
        job.heartbeatAt = now;
        job.leaseExpiresAt = now.plus(config.leaseDuration());
        return new LeaseView(leaseId, job.id, job.leaseExpiresAt);
    }

    /**
     * Stores the result of a lease and marks its job done. Posting the same lease's result again returns
     * the stored result, unchanged ({@code created} false); a lease that has ended otherwise is refused, and
     * items that do not match the rubric are refused naming the item.
     */
    @Transactional
    public Stored complete(UUID leaseId, LeaseHolder holder, ResultRequest request) {
        GradingAttempt attempt = attempt(leaseId, holder);
        GradingJob job = lock(attempt.jobId);
        entityManager.refresh(attempt);
        if (attempt.outcome == AttemptOutcome.RESULT) {
            return new Stored(ResultView.of(GradingResult.forJob(job.id).orElseThrow()), false);
        }
        requireCurrent(job, attempt, "its result was not stored");
        Instant now = clock.instant();
        GradingResult result = new GradingResult();
        result.jobId = job.id;
        result.submissionId = job.submissionId;
        result.leaseId = leaseId;
        result.summary = request.summary();
        result.logs = request.logs() == null ? "" : request.logs();
        result.createdAt = now;
        result.items.addAll(rules.items(job, request.items()));
        result.persist();
        attempt.end(AttemptOutcome.RESULT, now, null, null);
        job.release(JobState.DONE);
        job.finishedAt = now;
        job.lastError = null;
        metrics.jobGraded(Duration.between(attempt.leasedAt, now));
        return new Stored(ResultView.of(result), true);
    }

    /** A result as stored, and whether this call stored it. */
    public record Stored(ResultView result, boolean created) {
    }

    /**
     * Ends a lease as failed: the job is queued again while attempts are left and {@code retry} holds, else it
     * fails with {@code message} for the student. Reporting the same lease's failure again changes nothing.
     */
    @Transactional
    public GradingJob fail(UUID leaseId, LeaseHolder holder, String message, String logs, boolean retry) {
        GradingAttempt attempt = attempt(leaseId, holder);
        GradingJob job = lock(attempt.jobId);
        entityManager.refresh(attempt);
        if (attempt.outcome == AttemptOutcome.FAILURE) {
            return job;
        }
        requireCurrent(job, attempt, "this failure report was not recorded");
        Instant now = clock.instant();
        attempt.end(AttemptOutcome.FAILURE, now, message, logs);
        if (!retry || job.attempts >= config.maxAttempts()) {
            giveUp(job, now, message);
        } else {
            job.release(JobState.QUEUED);
            job.lastError = message;
        }
        return job;
    }

    private Optional<GradingJob> nextLeasable(LeaseHolder holder, Instant now) {
        String sql = LEASABLE + (holder.courseId() == null ? "" : " and course_id = :course") + IN_ORDER;
        var query = entityManager.createNativeQuery(sql, GradingJob.class).setParameter("now", now);
        if (holder.courseId() != null) {
            query.setParameter("course", holder.courseId());
        }
        @SuppressWarnings("unchecked")
        List<GradingJob> jobs = query.getResultList();
        return jobs.stream().findFirst();
    }

    private Lease leaseTo(GradingJob job, LeaseHolder holder, Instant now) {
        if (job.attempts == 0) {
            metrics.queueWaited(Duration.between(job.createdAt, now));
        }
        job.attempts++;
        job.state = JobState.LEASED;
        job.leaseId = UUID.randomUUID();
        job.leaseOwner = holder.owner();
        job.leaseExpiresAt = now.plus(config.leaseDuration());
        job.heartbeatAt = now;
        job.startedAt = now;
        GradingAttempt attempt = new GradingAttempt();
        attempt.leaseId = job.leaseId;
        attempt.jobId = job.id;
        attempt.attempt = job.attempts;
        attempt.workerTokenId = holder.tokenId();
        attempt.owner = holder.owner();
        attempt.leasedAt = now;
        attempt.persist();
        return new Lease(job, attempt);
    }

    private void giveUp(GradingJob job, Instant now, String lastProblem) {
        job.release(JobState.FAILED);
        job.finishedAt = now;
        job.lastError = "Automatic grading gave up after " + job.attempts + " attempt" + (job.attempts == 1 ? "" : "s")
                + ": " + lastProblem + " A TA will grade your submission.";
    }

    private static GradingAttempt attempt(UUID leaseId, LeaseHolder holder) {
        GradingAttempt attempt = GradingAttempt.<GradingAttempt>findByIdOptional(leaseId).orElseThrow(() ->
                ApiError.notFound("There is no lease " + leaseId + ". Lease a job first."));
        if (!Objects.equals(attempt.workerTokenId, holder.tokenId())) {
            throw ApiError.forbidden("Lease " + leaseId + " was given to another worker.");
        }
        return attempt;
    }

    private GradingJob lock(long jobId) {
        return entityManager.find(GradingJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void requireCurrent(GradingJob job, GradingAttempt attempt, String consequence) {
        if (attempt.outcome == null && job.state == JobState.LEASED && attempt.leaseId.equals(job.leaseId)) {
            return;
        }
        String why = switch (attempt.outcome == null ? AttemptOutcome.EXPIRED : attempt.outcome) {
            case EXPIRED -> "expired and job " + job.id + " was leased again";
            case RESULT -> "ended with a result already";
            case FAILURE -> "ended with a failure report already";
        };
        throw ApiError.conflict("Lease " + attempt.leaseId + " has " + why + "; " + consequence
                + ". Stop grading this job.");
    }
}
