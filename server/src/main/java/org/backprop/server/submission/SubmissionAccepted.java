package org.backprop.server.submission;

import java.time.Instant;

/**
 * Fired when a submission is accepted, inside the transaction that stores it. Observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act once the submission is committed, or
 * with a plain {@code @Observes} to write in the same transaction (a grading job then exists exactly when the
 * submission does).
 */
public record SubmissionAccepted(long submissionId, long assignmentId, long teamId, int version,
        String contentHash, Instant receivedAt) {
}
