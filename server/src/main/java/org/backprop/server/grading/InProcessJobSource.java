package org.backprop.server.grading;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.backprop.grader.worker.JobSource;
import org.backprop.grader.worker.LeaseEndedException;
import org.backprop.grader.worker.wire.FailureRequest;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.grader.worker.wire.ResultRequest;

/**
 * The grading queue as the server's own worker sees it: the same calls the worker API makes for a remote worker, made
 * in process for one lease holder. A lease that has ended answers {@link LeaseEndedException}, as 409 does over HTTP.
 */
final class InProcessJobSource implements JobSource {
    private final WorkerService workers;
    private final GradingQueue queue;
    private final LeaseHolder holder;

    InProcessJobSource(WorkerService workers, GradingQueue queue, LeaseHolder holder) {
        this.workers = workers;
        this.queue = queue;
        this.holder = holder;
    }

    @Override
    public Optional<LeasedJob> lease() {
        return workers.lease(holder);
    }

    @Override
    public void heartbeat(UUID leaseId) {
        call(() -> queue.heartbeat(leaseId, holder));
    }

    @Override
    public void complete(UUID leaseId, ResultRequest result) {
        call(() -> queue.complete(leaseId, holder, result));
    }

    @Override
    public void fail(UUID leaseId, FailureRequest failure) {
        call(() -> queue.fail(leaseId, holder, failure.message(), failure.logs(),
                failure.retry() == null || failure.retry()));
    }

    private static void call(Supplier<?> queueCall) {
        try {
            queueCall.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                throw new LeaseEndedException(e.getMessage());
            }
            throw e;
        }
    }
}
