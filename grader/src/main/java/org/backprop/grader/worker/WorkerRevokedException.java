package org.backprop.grader.worker;

/** Says that the server refuses this worker altogether (its token is unknown, revoked, or not a worker token). */
public final class WorkerRevokedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkerRevokedException(String message) {
        super(message);
    }
}
