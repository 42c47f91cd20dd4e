package org.backprop.nn.losses;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.ops.Ops;

/**
 * −Σ y·log p over the classes (last axis), averaged over the batch, for one-hot targets, as Keras's
 * {@code CategoricalCrossentropy}. With {@code fromLogits}, or when the predictions are a softmax's output
 * (Keras keeps their logits too, see {@link Tensor#softmaxLogits}), the loss is the fused, stable
 * {@link Ops#softmaxCrossEntropy} of the logits; other probabilities are renormalised to sum to one first, as
 * Keras does, and their logarithm taken.
 */
public final class CategoricalCrossentropy extends Loss {
    private static final float EPSILON = 1e-7f;
    private final boolean fromLogits;

    /** Returns the loss of probabilities, as Keras's {@code CategoricalCrossentropy()} ({@code from_logits=False}). */
    public CategoricalCrossentropy() {
        this(false);
    }

    /** Returns the loss of logits when {@code fromLogits}, of probabilities otherwise. */
    public CategoricalCrossentropy(boolean fromLogits) {
        this("categorical_crossentropy", fromLogits);
    }

    CategoricalCrossentropy(String name, boolean fromLogits) {
        super(name);
        this.fromLogits = fromLogits;
    }

    /** Returns whether predictions are taken as logits, as Keras's {@code from_logits}. */
    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor targets = targetsLike(name(), yTrue, yPred);
        Tensor logits = fromLogits ? yPred : TensorInternals.softmaxLogits(yPred);
        if (logits != null) {
            return Ops.meanAll(Ops.softmaxCrossEntropy(logits, targets));
        }
        Tensor logProbabilities = Ops.log(Ops.add(Ops.divide(yPred, Ops.sum(yPred, -1)), Tensor.scalar(EPSILON)));
        Tensor perExample = Ops.sum(Ops.multiply(targets, logProbabilities), -1);
        return Ops.negative(Ops.meanAll(perExample));
    }
}
