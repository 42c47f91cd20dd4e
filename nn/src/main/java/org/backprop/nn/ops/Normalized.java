package org.backprop.nn.ops;

import org.backprop.nn.Tensor;

/**
 * What {@link Ops#normalize} returns: the normalised tensor y (x's shape, with gradients) and the batch's
 * statistics it used, mean and biased variance ({@code [channels]} for batch normalisation, {@code [rows]} for
 * layer normalisation), without gradients: a BatchNormalization layer folds them into its moving averages.
 */
public final class Normalized {
    private final Tensor y;
    private final Tensor mean;
    private final Tensor variance;

    Normalized(Tensor y, Tensor mean, Tensor variance) {
        this.y = y;
        this.mean = mean;
        this.variance = variance;
    }

    /** Returns the normalised values, x's shape. */
    public Tensor y() {
        return y;
    }

    /** Returns the mean of each statistic's values. */
    public Tensor mean() {
        return mean;
    }

    /** Returns the biased variance of each statistic's values. */
    public Tensor variance() {
        return variance;
    }
}
