package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;

/**
 * c = op(a) × op(b) for each matrix of two rank-3 batches, op transposing the last two axes when asked. With
 * A = op(a) and B = op(b): dA = dc × Bᵀ and dB = Aᵀ × dc, each transposed back when its operand was.
 */
final class BatchMatMul extends Function {
    private final Tensor a;
    private final Tensor b;
    private final boolean transposeA;
    private final boolean transposeB;

    private BatchMatMul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        super(a, b);
        this.a = a;
        this.b = b;
        this.transposeA = transposeA;
        this.transposeB = transposeB;
    }

    static Tensor apply(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        Tensor c = Backends.current().batchMatmul(a, transposeA, b, transposeB);
        return Ops.record(c, new BatchMatMul(a, transposeA, b, transposeB));
    }

    @Override
    public Tensor[] backward(Tensor dc) {
        Backend backend = Backends.current();
        Tensor da = null;
        Tensor db = null;
        if (a.requiresGrad()) {
            // da = dc × Bᵀ, or (dc × Bᵀ)ᵀ = B × dcᵀ when a was transposed.
            da = transposeA ? backend.batchMatmul(b, transposeB, dc, true)
                    : backend.batchMatmul(dc, false, b, !transposeB);
        }
        if (b.requiresGrad()) {
            // db = Aᵀ × dc, or (Aᵀ × dc)ᵀ = dcᵀ × A when b was transposed.
            db = transposeB ? backend.batchMatmul(dc, true, a, transposeA)
                    : backend.batchMatmul(a, !transposeA, dc, false);
        }
        return new Tensor[] {da, db};
    }

    @Override
    public String name() {
        return "batch_matmul";
    }
}
