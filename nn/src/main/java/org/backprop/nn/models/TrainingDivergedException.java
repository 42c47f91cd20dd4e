package org.backprop.nn.models;

import org.backprop.nn.records.RunRecord;

/** Training stopped because the loss became NaN or infinite; the message says when and what to try. */
public final class TrainingDivergedException extends RuntimeException {
    private final transient RunRecord runRecord;

    public TrainingDivergedException(String message, RunRecord runRecord) {
        super(message);
        this.runRecord = runRecord;
    }

    /** Returns the run record up to the divergence; its status says "diverged" with this message. */
    public RunRecord runRecord() {
        return runRecord;
    }
}
