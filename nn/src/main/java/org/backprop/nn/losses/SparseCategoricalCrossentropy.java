package org.backprop.nn.losses;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.SparseLabels;
import org.backprop.nn.internal.TensorInternals;

/**
 * Categorical cross-entropy with integer class labels instead of one-hot targets, as Keras 3's
 * {@code SparseCategoricalCrossentropy}: labels {@code [batch]} or {@code [batch, 1]} against predictions
 * {@code [batch, classes]}, and at any rank one label per position, e.g. masks {@code [batch, h, w]} or
 * {@code [batch, h, w, 1]} against per-pixel scores {@code [batch, h, w, classes]}, or one label per timestep
 * {@code [batch, steps]} against {@code [batch, steps, classes]}. The loss is the mean over every position.
 */
public final class SparseCategoricalCrossentropy extends Loss {
    private final CategoricalCrossentropy dense;

    /** Returns the loss of probabilities, as Keras's {@code SparseCategoricalCrossentropy()} ({@code from_logits=False}). */
    public SparseCategoricalCrossentropy() {
        this(false);
    }

    /** Returns the loss of logits when {@code fromLogits}, of probabilities otherwise. */
    public SparseCategoricalCrossentropy(boolean fromLogits) {
        super("sparse_categorical_crossentropy");
        this.dense = new CategoricalCrossentropy(name(), fromLogits);
    }

    /** Returns whether predictions are taken as logits, as Keras's {@code from_logits}. */
    public boolean fromLogits() {
        return dense.fromLogits();
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return dense.call(oneHot(yTrue, yPred), yPred);
    }

    /** Returns one-hot targets shaped like {@code predictions}, one row per labelled position. */
    private Tensor oneHot(Tensor labels, Tensor predictions) {
        int[] indices = SparseLabels.classIndices(name(), labels, predictions);
        int classes = predictions.dim(-1);
        float[] oneHot = new float[indices.length * classes];
        for (int position = 0; position < indices.length; position++) {
            oneHot[position * classes + indices[position]] = 1f;
        }
        return TensorInternals.wrap(predictions.shape(), oneHot);
    }
}
