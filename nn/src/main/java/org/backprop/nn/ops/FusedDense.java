package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.UnaryOp;

/**
 * y = activation(x · kernel + bias) in one op (see {@link Backend#dense}); backward as {@link BiasActivation},
 * with dx = dz · kernelᵀ and d kernel = xᵀ · dz.
 */
final class FusedDense extends BiasActivation {
    private final Tensor x;
    private final Tensor kernel;

    private FusedDense(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter, Tensor y) {
        super(x, kernel, bias, activation, parameter, y);
        this.x = x;
        this.kernel = kernel;
    }

    static Tensor apply(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter) {
        Tensor y = Backends.current().dense(x, kernel, bias, activation, parameter);
        return Ops.record(y, new FusedDense(x, kernel, bias, activation, parameter, y));
    }

    @Override
    Tensor[] productGradients(Backend backend, Tensor dz) {
        return new Tensor[] {
            x.requiresGrad() ? backend.matmul(dz, false, kernel, true) : null,
            kernel.requiresGrad() ? backend.matmul(x, true, dz, false) : null,
        };
    }

    @Override
    public String name() {
        return "dense";
    }
}
