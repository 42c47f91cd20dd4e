package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.internal.TensorInternals;

/** y = op(x) element by element; dx = dy · op'(x), the derivative table living in the backends. */
final class Unary extends Function {
    private final UnaryOp op;
    private final float parameter;
    private final Tensor x;
    private final Tensor y;

    private Unary(UnaryOp op, float parameter, Tensor x, Tensor y) {
        super(x);
        this.op = op;
        this.parameter = parameter;
        this.x = x;
        this.y = y;
    }

    static Tensor apply(UnaryOp op, Tensor x, float parameter) {
        Tensor y = Backends.current().unary(op, x, parameter);
        return x.requiresGrad() ? TensorInternals.derived(y, new Unary(op, parameter, x, y)) : y;
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        return new Tensor[] {Backends.current().unaryBackward(op, x, y, dy, parameter)};
    }

    @Override
    public String name() {
        return op.name().toLowerCase();
    }
}
