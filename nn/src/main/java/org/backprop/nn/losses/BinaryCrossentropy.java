package org.backprop.nn.losses;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * −mean(y·log p + (1 − y)·log(1 − p)) for targets in {0, 1}, as Keras's {@code BinaryCrossentropy}. With
 * {@code fromLogits} the predictions are logits and the stable form max(x, 0) − x·y + log(1 + e^−|x|) is used.
 */
public final class BinaryCrossentropy extends Loss {
    private static final float EPSILON = 1e-7f;
    private final boolean fromLogits;

    /** Returns the loss of probabilities, as Keras's {@code BinaryCrossentropy()} ({@code from_logits=False}). */
    public BinaryCrossentropy() {
        this(false);
    }

    /** Returns the loss of logits when {@code fromLogits}, of probabilities otherwise. */
    public BinaryCrossentropy(boolean fromLogits) {
        super("binary_crossentropy");
        this.fromLogits = fromLogits;
    }

    /** Returns whether predictions are taken as logits, as Keras's {@code from_logits}. */
    public boolean fromLogits() {
        return fromLogits;
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor targets = targetsLike(name(), yTrue, yPred);
        if (fromLogits) {
            Tensor softplusOfNegAbs = Ops.log(Ops.add(Tensor.scalar(1f), Ops.exp(Ops.negative(Ops.abs(yPred)))));
            return Ops.meanAll(Ops.add(Ops.subtract(Ops.relu(yPred), Ops.multiply(yPred, targets)), softplusOfNegAbs));
        }
        Tensor positive = Ops.multiply(targets, Ops.log(Ops.add(yPred, Tensor.scalar(EPSILON))));
        Tensor negative = Ops.multiply(Ops.subtract(Tensor.scalar(1f), targets),
                Ops.log(Ops.add(Ops.subtract(Tensor.scalar(1f), yPred), Tensor.scalar(EPSILON))));
        return Ops.negative(Ops.meanAll(Ops.add(positive, negative)));
    }
}
