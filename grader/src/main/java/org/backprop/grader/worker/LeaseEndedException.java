package org.backprop.grader.worker;

/** Says that a lease has ended (expired and leased again, or ended already): its job must no longer be graded. */
public final class LeaseEndedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaseEndedException(String message) {
        super(message);
    }
}
