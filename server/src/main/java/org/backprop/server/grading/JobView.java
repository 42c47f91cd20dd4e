package org.backprop.server.grading;

import java.time.Instant;

/** A grading job as staff and workers see it. */
public record JobView(long id, long submissionId, long assignmentId, long teamId, long courseId, JobReason reason,
        int priority, JobState state, int attempts, String leaseOwner, Instant leaseExpiresAt, Instant heartbeatAt,
        Instant createdAt, Instant startedAt, Instant finishedAt, String lastError) {

    static JobView of(GradingJob job) {
        return new JobView(job.id, job.submissionId, job.assignmentId, job.teamId, job.courseId, job.reason,
                job.priority, job.state, job.attempts, job.leaseOwner, job.leaseExpiresAt, job.heartbeatAt,
                job.createdAt, job.startedAt, job.finishedAt, job.lastError);
    }
}
