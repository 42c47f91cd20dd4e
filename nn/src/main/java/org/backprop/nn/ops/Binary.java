package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.UnaryOp;

/**
 * c = op(a, b) with broadcasting. Each input's gradient is reduced back to its own shape over the
 * dimensions it was broadcast along.
 */
final class Binary extends Function {
    private final BinaryOp op;
    private final Tensor a;
    private final Tensor b;

    private Binary(BinaryOp op, Tensor a, Tensor b) {
        super(a, b);
        this.op = op;
        this.a = a;
        this.b = b;
    }

    static Tensor apply(BinaryOp op, Tensor a, Tensor b) {
        Tensor c = Backends.current().binary(op, a, b);
        return Ops.record(c, new Binary(op, a, b));
    }

    @Override
    public Tensor[] backward(Tensor dc) {
        Backend backend = Backends.current();
        Tensor da = null;
        Tensor db = null;
        // Subtract's and divide's gradients for b carry a minus sign, applied after reducing to b's shape: the
        // same values (negation commutes exactly with rounding), one pass over b's values instead of c's.
        boolean negateB = false;
        switch (op) {
            case ADD:
                da = dc;
                db = dc;
                break;
            case SUBTRACT:
                da = dc;
                db = dc;
                negateB = true;
                break;
            case MULTIPLY:
                da = a.requiresGrad() ? backend.binary(BinaryOp.MULTIPLY, dc, b) : null;
                db = b.requiresGrad() ? backend.binary(BinaryOp.MULTIPLY, dc, a) : null;
                break;
            case DIVIDE:
                // d(a/b)/da = 1/b, d(a/b)/db = -a/b².
                da = a.requiresGrad() ? backend.binary(BinaryOp.DIVIDE, dc, b) : null;
                db = b.requiresGrad() ? backend.binary(BinaryOp.DIVIDE, backend.binary(BinaryOp.MULTIPLY, dc, a),
                        backend.binary(BinaryOp.MULTIPLY, b, b)) : null;
                negateB = true;
                break;
            default:
                throw new IllegalStateException("unknown op " + op);
        }
        Tensor gradientB = null;
        if (b.requiresGrad() && db != null) {
            gradientB = backend.reduceToShape(db, b.shape());
            if (negateB) {
                gradientB = backend.unary(UnaryOp.NEGATE, gradientB, 0f);
            }
        }
        return new Tensor[] {a.requiresGrad() && da != null ? backend.reduceToShape(da, a.shape()) : null, gradientB};
    }

    @Override
    public String name() {
        return op.name().toLowerCase();
    }
}
