package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/**
 * A Keras metric: accumulates over batches ({@link #update}) and reports the running value
 * ({@link #result}) until {@link #reset}. This base averages a per-example score.
 */
public abstract class Metric {
    private final String name;
    private double total;
    private long count;

    protected Metric(String name) {
        this.name = name;
    }

    /** Returns the name history and logs use, e.g. {@code "accuracy"}. */
    public final String name() {
        return name;
    }

    /** Adds one batch. */
    public final void update(Tensor yTrue, Tensor yPred) {
        float[] scores = scores(yTrue, yPred);
        for (float score : scores) {
            total += score;
        }
        count += scores.length;
    }

    /** Returns one score per example of the batch. */
    protected abstract float[] scores(Tensor yTrue, Tensor yPred);

    /** Returns the mean score so far (0 before any update). */
    public final double result() {
        return count == 0 ? 0 : total / count;
    }

    /** Forgets everything seen. */
    public final void reset() {
        total = 0;
        count = 0;
    }
}
