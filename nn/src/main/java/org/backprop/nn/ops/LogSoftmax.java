package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.internal.TensorInternals;

/**
 * y = log softmax(x) over the last axis, computed without forming softmax first so that cross-entropy
 * from logits stays finite; dx = dy − softmax(x) · Σ dy along that axis.
 */
final class LogSoftmax extends Function {
    private final Tensor y;

    private LogSoftmax(Tensor x, Tensor y) {
        super(x);
        this.y = y;
    }

    static Tensor apply(Tensor x) {
        Tensor y = Backends.current().logSoftmax(x);
        return x.requiresGrad() ? TensorInternals.derived(y, new LogSoftmax(x, y)) : y;
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        Backend backend = Backends.current();
        Tensor softmax = backend.unary(UnaryOp.EXP, y, 0f);
        Tensor total = backend.reduceToShape(dy, Softmax.lastAxisKept(dy.shape()));
        return new Tensor[] {backend.binary(BinaryOp.SUBTRACT, dy, backend.binary(BinaryOp.MULTIPLY, softmax, total))};
    }

    @Override
    public String name() {
        return "log_softmax";
    }
}
