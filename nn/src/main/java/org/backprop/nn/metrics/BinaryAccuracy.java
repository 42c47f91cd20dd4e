package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/**
 * The share of predictions on the right side of a threshold, as Keras's {@code BinaryAccuracy}: targets in {0, 1}
 * of shape {@code [n]} or {@code [n, 1]} against predictions of the same number of values.
 */
public final class BinaryAccuracy extends MeanMetric {
    private final float threshold;

    /** Returns Keras's default: named {@code binary_accuracy}, threshold 0.5. */
    public BinaryAccuracy() {
        this("binary_accuracy", 0.5f);
    }

    /** Returns the metric named {@code name} that counts a prediction above {@code threshold} as 1. */
    public BinaryAccuracy(String name, float threshold) {
        super(name);
        this.threshold = threshold;
    }

    /** Returns the threshold above which a prediction counts as 1. */
    public float threshold() {
        return threshold;
    }

    @Override
    protected float[] scores(Tensor yTrue, Tensor yPred) {
        float[] scores = new float[yPred.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (yPred.get(i) > threshold ? 1f : 0f) == yTrue.get(i) ? 1f : 0f;
        }
        return scores;
    }
}
