package org.backprop.server.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.backprop.grader.worker.wire.LeasedJob;
import org.jboss.logging.Logger;

/**
 * What a worker does with the queue, remote or in-process alike: lease a job with its material. A job whose
 * material cannot be read is reported failed at once (it counts as an attempt), so that it does not sit
 * leased until its lease expires.
 */
@ApplicationScoped
public class WorkerService {
    private static final Logger LOG = Logger.getLogger(WorkerService.class);

    @Inject
    GradingQueue queue;

    @Inject
    JobMaterials materials;

    /** Returns the next job {@code holder} may grade, with its material; empty when none waits. */
    public Optional<LeasedJob> lease(LeaseHolder holder) {
        Optional<GradingQueue.Lease> lease = queue.lease(holder);
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(materials.of(lease.get()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not read the material of grading job %d", lease.get().job().id);
            queue.fail(lease.get().attempt().leaseId, holder, "The server could not read your submission for grading"
                    + " (" + e.getMessage() + ")", e.toString(), true);
            throw new MaterialUnavailableException(lease.get().job().id, e);
        }
    }

    /** Says that a leased job's material could not be read; the job went back to the queue or failed. */
    public static final class MaterialUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaterialUnavailableException(long jobId, Throwable cause) {
            super("The server could not read the material of grading job " + jobId + "; the job was put back in the"
                    + " queue (or failed after its last attempt).", cause);
        }
    }
}
