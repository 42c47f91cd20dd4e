package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.Normalization;

/**
 * y = (x − mean) / sqrt(variance + epsilon) · gamma + beta with the batch's own statistics, in one op (see
 * {@link Backend#normalize}); backward is analytic ({@link Backend#normalizeBackward}), so it keeps only x,
 * gamma and the two small statistics tensors instead of the dozen intermediates the composed ops would.
 */
final class Normalize extends Function {
    private final Normalization kind;
    private final Tensor x;
    private final Tensor gamma;
    private final Tensor mean;
    private final Tensor variance;
    private final float epsilon;

    private Normalize(Normalization kind, Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance,
            float epsilon) {
        super(x, gamma, beta);
        this.kind = kind;
        this.x = x;
        this.gamma = gamma;
        this.mean = mean;
        this.variance = variance;
        this.epsilon = epsilon;
    }

    static Normalized apply(Normalization kind, Tensor x, Tensor gamma, Tensor beta, float epsilon) {
        Tensor[] results = Backends.current().normalize(kind, x, gamma, beta, epsilon);
        Tensor y = Ops.record(results[0], new Normalize(kind, x, gamma, beta, results[1], results[2], epsilon));
        return new Normalized(y, results[1], results[2]);
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        return Backends.current().normalizeBackward(kind, x, mean, variance, gamma, dy, epsilon);
    }

    @Override
    public String name() {
        return kind == Normalization.BATCH ? "batch_normalization" : "layer_normalization";
    }
}
