package org.backprop.nn.models;

/** Training stopped because the loss became NaN or infinite; the message says when and what to try. */
public final class TrainingDivergedException extends RuntimeException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
