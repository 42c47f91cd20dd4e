package org.backprop.nn.losses;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** mean((yTrue − yPred)²), as Keras's {@code MeanSquaredError}. */
public final class MeanSquaredError extends Loss {

    public MeanSquaredError() {
        super("mean_squared_error");
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        Tensor targets = targetsLike(name(), yTrue, yPred);
        return Ops.meanAll(Ops.square(Ops.subtract(targets, yPred)));
    }
}
