package org.backprop.grader.check;

/** Says that an assignment gives a check parameters it cannot use; the message names the parameter. */
public final class InvalidCheckParamsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidCheckParamsException(String message) {
        super(message);
    }
}
