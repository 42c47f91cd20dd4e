package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.SparseLabels;

/**
 * The share of rows whose target class is among the {@code k} largest predictions, as Keras's
 * {@code TopKCategoricalAccuracy} (one-hot targets) and {@code SparseTopKCategoricalAccuracy} (integer labels, see
 * {@link SparseTopKCategoricalAccuracy}).
 */
public class TopKCategoricalAccuracy extends MeanMetric {
    private final int k;
    private final boolean sparse;

    /** Returns Keras's default: named {@code top_k_categorical_accuracy}, k = 5. */
    public TopKCategoricalAccuracy() {
        this("top_k_categorical_accuracy", 5);
    }

    /** Returns the metric named {@code name} that looks at the {@code k} largest predictions. */
    public TopKCategoricalAccuracy(String name, int k) {
        this(name, k, false);
    }

    TopKCategoricalAccuracy(String name, int k, boolean sparse) {
        super(name);
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        this.k = k;
        this.sparse = sparse;
    }

    /** Returns how many of the largest predictions count. */
    public final int k() {
        return k;
    }

    @Override
    protected final float[] scores(Tensor yTrue, Tensor yPred) {
        int classes = yPred.dim(-1);
        float[] scores = new float[yPred.size() / classes];
        int[] labels = sparse ? SparseLabels.classIndices(name(), yTrue, yPred) : null;
        for (int row = 0; row < scores.length; row++) {
            int target = sparse ? labels[row] : Metrics.argmax(yTrue, row, classes);
            scores[row] = inTopK(yPred, row, classes, target) ? 1f : 0f;
        }
        return scores;
    }

    /** Returns whether fewer than k classes score strictly higher than {@code target}. */
    private boolean inTopK(Tensor values, int row, int width, int target) {
        float targetValue = values.get(row * width + target);
        int higher = 0;
        for (int i = 0; i < width; i++) {
            if (values.get(row * width + i) > targetValue) {
                higher++;
            }
        }
        return higher < k;
    }
}
