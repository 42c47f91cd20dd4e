package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.SparseLabels;

/**
 * The share of rows whose largest prediction is at the integer label, as Keras's {@code SparseCategoricalAccuracy}:
 * labels {@code [n]} or {@code [n, 1]} against predictions {@code [n, classes]}, and at any rank one label per
 * position (labels {@code [n, h, w]} or {@code [n, h, w, 1]} against {@code [n, h, w, classes]}: the share of
 * pixels, or of timesteps, classified right).
 */
public final class SparseCategoricalAccuracy extends MeanMetric {

    /** Returns Keras's default, named {@code sparse_categorical_accuracy}. */
    public SparseCategoricalAccuracy() {
        this("sparse_categorical_accuracy");
    }

    /** Returns the metric named {@code name}. */
    public SparseCategoricalAccuracy(String name) {
        super(name);
    }

    @Override
    protected float[] scores(Tensor yTrue, Tensor yPred) {
        int[] labels = SparseLabels.classIndices(name(), yTrue, yPred);
        int classes = yPred.dim(-1);
        float[] scores = new float[labels.length];
        for (int row = 0; row < scores.length; row++) {
            scores[row] = Metrics.argmax(yPred, row, classes) == labels[row] ? 1f : 0f;
        }
        return scores;
    }
}
