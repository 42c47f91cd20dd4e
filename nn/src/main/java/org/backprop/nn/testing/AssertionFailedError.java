package org.backprop.nn.testing;

/**
 * Thrown by {@link Assertions} when a hidden test's expectation does not hold; its message is the one the student
 * reads ("expected 10 classes, got 2"). A test that throws it counts as failed, anything else thrown as errored.
 */
public final class AssertionFailedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** @param message what was expected and what was found, for the student */
    public AssertionFailedError(String message) {
        super(message);
    }
}
