package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.UnaryOp;

/**
 * y = activation(x · kernel + bias) in one op (see {@link Backend#dense}). The activation's derivative is read
 * from y (for ReLU and leaky ReLU with a slope ≥ 0, y > 0 exactly where x · kernel + bias > 0), so no
 * pre-activation tensor is kept: dz = dy · activation'(y), dx = dz · kernelᵀ, d kernel = xᵀ · dz,
 * d bias = Σ dz over the rows.
 */
final class FusedDense extends Function {
    private final Tensor x;
    private final Tensor kernel;
    private final Tensor bias;
    private final UnaryOp activation;
    private final float parameter;
    private final Tensor y;

    private FusedDense(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter, Tensor y) {
        super(bias == null ? new Tensor[] {x, kernel} : new Tensor[] {x, kernel, bias});
        this.x = x;
        this.kernel = kernel;
        this.bias = bias;
        this.activation = activation;
        this.parameter = parameter;
        this.y = y;
    }

    static Tensor apply(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter) {
        Tensor y = Backends.current().dense(x, kernel, bias, activation, parameter);
        return Ops.record(y, new FusedDense(x, kernel, bias, activation, parameter, y));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        Backend backend = Backends.current();
        Tensor dz = activation == null ? dy : backend.unaryBackward(activation, y, y, dy, parameter);
        Tensor dx = x.requiresGrad() ? backend.matmul(dz, false, kernel, true) : null;
        Tensor dKernel = kernel.requiresGrad() ? backend.matmul(x, true, dz, false) : null;
        if (bias == null) {
            return new Tensor[] {dx, dKernel};
        }
        return new Tensor[] {dx, dKernel, bias.requiresGrad() ? backend.reduceToShape(dz, bias.shape()) : null};
    }

    @Override
    public String name() {
        return "dense";
    }
}
