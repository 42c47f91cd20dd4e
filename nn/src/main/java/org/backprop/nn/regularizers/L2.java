package org.backprop.nn.regularizers;

import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** Keras's {@code L2}: {@code l2 × Σx²} (no ½, as in Keras). */
public final class L2 extends Regularizer {
    private final float l2;

    /** Returns the penalty {@code l2 × Σx²}; {@code l2} must be finite and not negative. */
    public L2(double l2) {
        this.l2 = factor("l2", l2);
    }

    /** Returns the factor. */
    public float l2() {
        return l2;
    }

    @Override
    public Tensor call(Tensor x) {
        return Ops.scale(Ops.sumAll(Ops.square(x)), l2);
    }

    @Override
    public String className() {
        return "L2";
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of("l2", Regularizers.configNumber(l2));
    }
}
