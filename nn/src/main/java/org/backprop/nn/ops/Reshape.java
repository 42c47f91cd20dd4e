package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.internal.TensorInternals;

/** y = x viewed with another shape of the same size; dx = dy viewed with x's shape. No values move. */
final class Reshape extends Function {
    private final int[] inputShape;

    private Reshape(Tensor x) {
        super(x);
        this.inputShape = x.shape();
    }

    static Tensor apply(Tensor x, int[] shape) {
        Tensor y = TensorInternals.reshaped(x, shape);
        return Ops.record(y, new Reshape(x));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        return new Tensor[] {TensorInternals.reshaped(dy, inputShape)};
    }

    @Override
    public String name() {
        return "reshape";
    }
}
