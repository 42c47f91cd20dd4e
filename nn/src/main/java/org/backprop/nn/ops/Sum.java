package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;

/** y = sum of x over some axes (kept as size 1); dx = dy broadcast back to x's shape. */
final class Sum extends Function {
    private final int[] inputShape;

    private Sum(Tensor x) {
        super(x);
        this.inputShape = x.shape();
    }

    /** Sums over {@code axes}, keeping each as a dimension of size 1. */
    static Tensor apply(Tensor x, int[] axes) {
        int[] shape = x.shape();
        for (int axis : axes) {
            shape[axis] = 1;
        }
        Tensor y = Backends.current().reduceToShape(x, shape);
        return Ops.record(y, new Sum(x));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        return new Tensor[] {Backends.current().broadcastTo(dy, inputShape)};
    }

    @Override
    public String name() {
        return "sum";
    }
}
