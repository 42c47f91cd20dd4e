package org.backprop.nn.metrics;

/**
 * The share of rows whose integer label ({@code [n]} or {@code [n, 1]}) is among the {@code k} largest predictions
 * ({@code [n, classes]}), as Keras's {@code SparseTopKCategoricalAccuracy}; at any rank, one label per position
 * (see {@link SparseCategoricalAccuracy}).
 */
public final class SparseTopKCategoricalAccuracy extends TopKCategoricalAccuracy {

    /** Returns Keras's default: named {@code sparse_top_k_categorical_accuracy}, k = 5. */
    public SparseTopKCategoricalAccuracy() {
        this("sparse_top_k_categorical_accuracy", 5);
    }

    /** Returns the metric named {@code name} that looks at the {@code k} largest predictions. */
    public SparseTopKCategoricalAccuracy(String name, int k) {
        super(name, k, true);
    }
}
