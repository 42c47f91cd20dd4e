package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/**
 * A Keras metric: accumulates over batches ({@link #update}) and reports the running value
 * ({@link #result}) until {@link #reset}.
 */
public abstract class Metric {
    private final String name;

    protected Metric(String name) {
        this.name = name;
    }

    /** Returns the name history and logs use, e.g. {@code "accuracy"}. */
    public final String name() {
        return name;
    }

    /** Adds one batch of targets and predictions. */
    public abstract void update(Tensor yTrue, Tensor yPred);

    /** Returns the value over everything seen since the last reset (0 before any update). */
    public abstract double result();

    /** Forgets everything seen. */
    public abstract void reset();

    /** Forgets everything seen, under Keras's name {@code reset_state}. */
    public final void resetState() {
        reset();
    }
}
