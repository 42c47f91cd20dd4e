package org.backprop.nn.records;

/**
 * How a run ended: it completed its epochs, it diverged (the loss became NaN or infinite; the message says
 * when), it was stopped early (by early stopping or by the student; the message says why), or the device it
 * trained on was lost (the message says why and after which epoch), or it was not trained at all: the runtime
 * (the grader's re-run) chose to describe it only, and the message says why.
 */
public record RunStatus(State state, String message) {

    /** The ways a run ends. */
    public enum State {
        COMPLETED, DIVERGED, STOPPED, DEVICE_LOST, NOT_TRAINED
    }

    public RunStatus {
        Checks.notNull("state", state);
        if (state == State.COMPLETED ? message != null : message == null || message.isEmpty()) {
            throw new IllegalArgumentException("a " + state + " run " + (state == State.COMPLETED
                    ? "has no message, got \"" + message + "\"" : "needs a message saying why"));
        }
    }

    /** Returns the status of a run that trained every epoch. */
    public static RunStatus completed() {
        return new RunStatus(State.COMPLETED, null);
    }

    /** Returns the status of a run whose loss became NaN or infinite, as {@code message} describes. */
    public static RunStatus diverged(String message) {
        return new RunStatus(State.DIVERGED, message);
    }

    /** Returns the status of a run stopped before its last epoch, for the reason in {@code message}. */
    public static RunStatus stopped(String message) {
        return new RunStatus(State.STOPPED, message);
    }

    /** Returns the status of a run cut short because its GPU device was lost, as {@code message} describes. */
    public static RunStatus deviceLost(String message) {
        return new RunStatus(State.DEVICE_LOST, message);
    }

    /** Returns the status of a run the runtime described without training it, for the reason in {@code message}. */
    public static RunStatus notTrained(String message) {
        return new RunStatus(State.NOT_TRAINED, message);
    }
}
