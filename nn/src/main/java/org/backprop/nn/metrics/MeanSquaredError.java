package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/**
 * The mean of (target − prediction)² over everything seen, as Keras's metric {@code MeanSquaredError} (named
 * {@code mse} when compiled as {@code "mse"}); targets {@code [n]} may meet predictions {@code [n, 1]}.
 */
public final class MeanSquaredError extends MeanMetric {

    /** Returns Keras's default, named {@code mean_squared_error}. */
    public MeanSquaredError() {
        this("mean_squared_error");
    }

    /** Returns the metric named {@code name}. */
    public MeanSquaredError(String name) {
        super(name);
    }

    @Override
    protected float[] scores(Tensor yTrue, Tensor yPred) {
        return Errors.perExample(yTrue, yPred, true);
    }
}
