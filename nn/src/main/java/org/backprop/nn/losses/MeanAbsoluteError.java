package org.backprop.nn.losses;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** mean(|yTrue − yPred|), as Keras's {@code MeanAbsoluteError}. */
public final class MeanAbsoluteError extends Loss {

    public MeanAbsoluteError() {
        super("mean_absolute_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor targets = targetsLike(name(), yTrue, yPred);
        return Ops.meanAll(Ops.abs(Ops.subtract(targets, yPred)));
    }
}
