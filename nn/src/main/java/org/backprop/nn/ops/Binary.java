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
        switch (op) {
            case ADD:
                da = dc;
                db = dc;
                break;
            case SUBTRACT:
                da = dc;
                db = b.requiresGrad() ? backend.unary(UnaryOp.NEGATE, dc, 0f) : null;
                break;
            case MULTIPLY:
                da = a.requiresGrad() ? backend.binary(BinaryOp.MULTIPLY, dc, b) : null;
                db = b.requiresGrad() ? backend.binary(BinaryOp.MULTIPLY, dc, a) : null;
                break;
            case DIVIDE:
                // d(a/b)/da = 1/b, d(a/b)/db = -a/b².
                da = a.requiresGrad() ? backend.binary(BinaryOp.DIVIDE, dc, b) : null;
                db = b.requiresGrad() ? backend.unary(UnaryOp.NEGATE,
                        backend.binary(BinaryOp.DIVIDE, backend.binary(BinaryOp.MULTIPLY, dc, a),
                                backend.binary(BinaryOp.MULTIPLY, b, b)), 0f) : null;
                break;
            default:
                throw new IllegalStateException("unknown op " + op);
        }
        return new Tensor[] {
            a.requiresGrad() && da != null ? backend.reduceToShape(da, a.shape()) : null,
            b.requiresGrad() && db != null ? backend.reduceToShape(db, b.shape()) : null,
        };
    }

    @Override
    public String name() {
        return op.name().toLowerCase();
    }
}
