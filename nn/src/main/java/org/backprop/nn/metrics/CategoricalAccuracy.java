package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/**
 * The share of rows whose largest prediction is at the one-hot target's class, as Keras's
 * {@code CategoricalAccuracy}: targets and predictions {@code [n, classes]}.
 */
public final class CategoricalAccuracy extends MeanMetric {

    /** Returns Keras's default, named {@code categorical_accuracy}. */
    public CategoricalAccuracy() {
        this("categorical_accuracy");
    }

    /** Returns the metric named {@code name}. */
    public CategoricalAccuracy(String name) {
        super(name);
    }

    @Override
    protected float[] scores(Tensor yTrue, Tensor yPred) {
        int classes = yPred.dim(-1);
        float[] scores = new float[yPred.size() / classes];
        for (int row = 0; row < scores.length; row++) {
            scores[row] = Metrics.argmax(yPred, row, classes) == Metrics.argmax(yTrue, row, classes) ? 1f : 0f;
        }
        return scores;
    }
}
