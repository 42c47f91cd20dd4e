package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.backend.UnaryOp;

/**
 * y = activation(conv2d(x, kernel) + bias) in one op (see {@link Backend#conv2dBiasActivation}); backward as
 * {@link BiasActivation}, with the convolution's two gradients of dz.
 */
final class FusedConv2D extends BiasActivation {
    private final Tensor x;
    private final Tensor kernel;
    private final ConvGeometry geometry;

    private FusedConv2D(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter,
            ConvGeometry geometry, Tensor y) {
        super(x, kernel, bias, activation, parameter, y);
        this.x = x;
        this.kernel = kernel;
        this.geometry = geometry;
    }

    static Tensor apply(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter,
            ConvGeometry geometry) {
        Tensor y = Backends.current().conv2dBiasActivation(x, kernel, bias, activation, parameter, geometry);
        return Ops.record(y, new FusedConv2D(x, kernel, bias, activation, parameter, geometry, y));
    }

    @Override
    Tensor[] productGradients(Backend backend, Tensor dz) {
        return new Tensor[] {
            x.requiresGrad() ? backend.conv2dBackwardInput(dz, kernel, x.shape(), geometry) : null,
            kernel.requiresGrad() ? backend.conv2dBackwardKernel(x, dz, kernel.shape(), geometry) : null,
        };
    }

    @Override
    public String name() {
        return "conv2d";
    }
}
