package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.UnaryOp;

/**
 * y = (x − mean) / sqrt(variance + epsilon) · gamma + beta with given per-channel statistics, in one op (see
 * {@link Backend#normalizeWith}): inference-mode batch normalisation. The statistics are constants (moving
 * averages are not learnt), so with x̂ = (x − mean) / sqrt(variance + epsilon): dx = dy · gamma /
 * sqrt(variance + epsilon), d gamma = Σ dy · x̂ and d beta = Σ dy over all but the last axis.
 */
final class NormalizeWith extends Function {
    private final Tensor x;
    private final Tensor mean;
    private final Tensor variance;
    private final Tensor gamma;
    private final float epsilon;

    private NormalizeWith(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta, float epsilon) {
        super(x, gamma, beta);
        this.x = x;
        this.mean = mean;
        this.variance = variance;
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

    static Tensor apply(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta, float epsilon) {
        Tensor y = Backends.current().normalizeWith(x, mean, variance, gamma, beta, epsilon);
        return Ops.record(y, new NormalizeWith(x, mean.detach(), variance.detach(), gamma, beta, epsilon));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        Backend backend = Backends.current();
        Tensor invStd = backend.binary(BinaryOp.DIVIDE, Tensor.scalar(1f), backend.unary(UnaryOp.SQRT,
                backend.binary(BinaryOp.ADD, variance, Tensor.scalar(epsilon)), 0f));
        Tensor dx = x.requiresGrad()
                ? backend.binary(BinaryOp.MULTIPLY, dy, backend.binary(BinaryOp.MULTIPLY, gamma, invStd)) : null;
        Tensor dGamma = null;
        if (gamma.requiresGrad()) {
            Tensor xHat = backend.binary(BinaryOp.MULTIPLY, backend.binary(BinaryOp.SUBTRACT, x, mean), invStd);
            dGamma = backend.reduceToShape(backend.binary(BinaryOp.MULTIPLY, dy, xHat), gamma.shape());
        }
        return new Tensor[] {dx, dGamma, inputs()[2].requiresGrad() ? backend.reduceToShape(dy, gamma.shape()) : null};
    }

    @Override
    public String name() {
        return "batch_normalization_inference";
    }
}
