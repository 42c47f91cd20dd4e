package org.backprop.grader.check;

/** Says that an assignment gives a check parameters it cannot use; the message names the parameter. */
public final class InvalidCheckParamsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String param;

    public InvalidCheckParamsException(String param, String message) {
        super(message);
        this.param = param;
    }

    /** Returns the parameter at fault. */
    public String param() {
        return param;
    }
}
