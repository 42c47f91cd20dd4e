package org.backprop.nn.regularizers;

import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** Keras's {@code L1}: {@code l1 × Σ|x|}. */
public final class L1 extends Regularizer {
    private final float l1;

    /** Returns the penalty {@code l1 × Σ|x|}; {@code l1} must be finite and not negative. */
    public L1(double l1) {
        this.l1 = factor("l1", l1);
    }

    /** Returns the factor. */
    public float l1() {
        return l1;
    }

    @Override
    public Tensor call(Tensor x) {
        return Ops.scale(Ops.sumAll(Ops.abs(x)), l1);
    }

    @Override
    public String className() {
        return "L1";
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of("l1", Regularizers.configNumber(l1));
    }
}
