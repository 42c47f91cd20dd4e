package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/** A metric that averages a score computed for each example, as Keras's accuracy metrics do. */
public abstract class MeanMetric extends Metric {
    private double total;
    private long count;

    protected MeanMetric(String name) {
        super(name);
    }

    /** Returns one score per example of the batch. */
    protected abstract float[] scores(Tensor yTrue, Tensor yPred);

    @Override
    public final void update(Tensor yTrue, Tensor yPred) {
        float[] scores = scores(yTrue, yPred);
        for (float score : scores) {
            total += score;
        }
        count += scores.length;
    }

    @Override
    public final double result() {
        return count == 0 ? 0 : total / count;
    }

    @Override
    public final void reset() {
        total = 0;
        count = 0;
    }
}
