package org.backprop.server.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.backprop.server.submission.SubmissionAccepted;

/**
 * Queues a grading job for every accepted submission. It observes the event inside the transaction that
 * stores the submission, not after it commits: the job then exists exactly when the submission does, and a
 * crash between the two commits cannot leave a submission that is never graded.
 */
@ApplicationScoped
public class SubmissionListener {
    @Inject
    GradingQueue queue;

    void onAccepted(@Observes SubmissionAccepted accepted) {
        queue.enqueue(accepted.submissionId(), accepted.assignmentId(), accepted.teamId(), JobReason.SUBMISSION, null,
                0);
    }
}
