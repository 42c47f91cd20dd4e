package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.internal.TensorInternals;

/** y = softmax(x) over the last axis; dx = y · (dy − Σ(dy · y)) along that axis. */
final class Softmax extends Function {
    private final Tensor y;

    private Softmax(Tensor x, Tensor y) {
        super(x);
        this.y = y;
    }

    static Tensor apply(Tensor x) {
        Tensor y = Backends.current().softmax(x);
        return TensorInternals.softmaxOutput(x.requiresGrad() ? TensorInternals.derived(y, new Softmax(x, y)) : y, x);
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        Backend backend = Backends.current();
        Tensor dot = backend.reduceToShape(backend.binary(BinaryOp.MULTIPLY, dy, y), lastAxisKept(y.shape()));
        return new Tensor[] {backend.binary(BinaryOp.MULTIPLY, y, backend.binary(BinaryOp.SUBTRACT, dy, dot))};
    }

    static int[] lastAxisKept(int[] shape) {
        int[] kept = shape.clone();
        kept[kept.length - 1] = 1;
        return kept;
    }

    @Override
    public String name() {
        return "softmax";
    }
}
