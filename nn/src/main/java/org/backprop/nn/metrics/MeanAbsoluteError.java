package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/**
 * The mean of |target − prediction| over everything seen, as Keras's metric {@code MeanAbsoluteError} (named
 * {@code mae} when compiled as {@code "mae"}); targets {@code [n]} may meet predictions {@code [n, 1]}.
 */
public final class MeanAbsoluteError extends MeanMetric {

    /** Returns Keras's default, named {@code mean_absolute_error}. */
    public MeanAbsoluteError() {
        this("mean_absolute_error");
    }

    /** Returns the metric named {@code name}. */
    public MeanAbsoluteError(String name) {
        super(name);
    }

    @Override
    protected float[] scores(Tensor yTrue, Tensor yPred) {
        return Errors.perExample(yTrue, yPred, false);
    }
}
