package org.backprop.server.submission;

/**
 * Fired, inside the transaction that stores it, when a team's submission is accepted; grading queues a
 * job for it.
 */
public record SubmissionAccepted(long submissionId, long assignmentId, long teamId) {
}
