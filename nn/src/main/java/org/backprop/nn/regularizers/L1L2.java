package org.backprop.nn.regularizers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** Keras's {@code L1L2}: {@code l1 × Σ|x| + l2 × Σx²}; a zero factor adds nothing, as in Keras. */
public final class L1L2 extends Regularizer {
    private final float l1;
    private final float l2;

    /** Returns the sum of both penalties; each factor must be finite and not negative. */
    public L1L2(double l1, double l2) {
        this.l1 = factor("l1", l1);
        this.l2 = factor("l2", l2);
    }

    /** Returns the L1 factor. */
    public float l1() {
        return l1;
    }

    /** Returns the L2 factor. */
    public float l2() {
        return l2;
    }

    @Override
    public Tensor call(Tensor x) {
        Tensor penalty = Tensor.scalar(0f);
        if (l1 != 0f) {
            penalty = Ops.add(penalty, Ops.scale(Ops.sumAll(Ops.abs(x)), l1));
        }
        if (l2 != 0f) {
            penalty = Ops.add(penalty, Ops.scale(Ops.sumAll(Ops.square(x)), l2));
        }
        return penalty;
    }

    @Override
    public String className() {
        return "L1L2";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("l1", Regularizers.configNumber(l1));
        config.put("l2", Regularizers.configNumber(l2));
        return config;
    }
}
