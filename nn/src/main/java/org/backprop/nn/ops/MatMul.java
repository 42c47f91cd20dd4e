package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;

/** c = a × b for rank-2 a [m, k] and b [k, n]: da = dc × bᵀ, db = aᵀ × dc. */
final class MatMul extends Function {
    private final Tensor a;
    private final Tensor b;

    private MatMul(Tensor a, Tensor b) {
        super(a, b);
        this.a = a;
        this.b = b;
    }

    static Tensor apply(Tensor a, Tensor b) {
        Tensor c = Backends.current().matmul(a, false, b, false);
        return Ops.record(c, new MatMul(a, b));
    }

    @Override
    public Tensor[] backward(Tensor dc) {
        return new Tensor[] {
            a.requiresGrad() ? Backends.current().matmul(dc, false, b, true) : null,
            b.requiresGrad() ? Backends.current().matmul(a, true, dc, false) : null,
        };
    }

    @Override
    public String name() {
        return "matmul";
    }
}
