package org.backprop.grader.worker;

import java.util.Optional;
import java.util.UUID;
import org.backprop.grader.worker.wire.FailureRequest;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.grader.worker.wire.ResultRequest;

/**
 * Where a worker gets jobs and leaves results: the grading queue itself in the server's own worker, the worker API
 * over HTTP in a remote one. Every call may throw {@link WorkerRevokedException} (stop the worker),
 * the lease calls {@link LeaseEndedException} (stop grading that job), and any other runtime exception for a failure
 * that may pass (a network error, a database hiccup). Implementations are thread-safe.
 */
public interface JobSource {
    /** Leases the next job with everything grading it needs; empty when none waits. */
    Optional<LeasedJob> lease();

    /** Extends a lease by the queue's lease duration from now. */
    void heartbeat(UUID leaseId);

    /** Stores a lease's result; storing the same lease's result again is answered as a success. */
    void complete(UUID leaseId, ResultRequest result);

    /** Ends a lease as failed; with {@code retry} in the request the job is queued again while attempts are left. */
    void fail(UUID leaseId, FailureRequest failure);
}
