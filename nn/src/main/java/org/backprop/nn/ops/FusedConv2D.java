package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.backend.UnaryOp;

/**
 * y = activation(conv2d(x, kernel) + bias) in one op (see {@link Backend#conv2dBiasActivation}); as
 * {@link FusedDense}, the activation's derivative is read from y: dz = dy · activation'(y), then the
 * convolution's two gradients of dz and d bias = Σ dz over every position.
 */
final class FusedConv2D extends Function {
    private final Tensor x;
    private final Tensor kernel;
    private final Tensor bias;
    private final UnaryOp activation;
    private final float parameter;
    private final ConvGeometry geometry;
    private final Tensor y;

    private FusedConv2D(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter,
            ConvGeometry geometry, Tensor y) {
        super(bias == null ? new Tensor[] {x, kernel} : new Tensor[] {x, kernel, bias});
        this.x = x;
        this.kernel = kernel;
        this.bias = bias;
        this.activation = activation;
        this.parameter = parameter;
        this.geometry = geometry;
        this.y = y;
    }

    static Tensor apply(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter,
            ConvGeometry geometry) {
        Tensor y = Backends.current().conv2dBiasActivation(x, kernel, bias, activation, parameter, geometry);
        return Ops.record(y, new FusedConv2D(x, kernel, bias, activation, parameter, geometry, y));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        Backend backend = Backends.current();
        Tensor dz = activation == null ? dy : backend.unaryBackward(activation, y, y, dy, parameter);
        Tensor dx = x.requiresGrad() ? backend.conv2dBackwardInput(dz, kernel, x.shape(), geometry) : null;
        Tensor dKernel = kernel.requiresGrad()
                ? backend.conv2dBackwardKernel(x, dz, kernel.shape(), geometry) : null;
        if (bias == null) {
            return new Tensor[] {dx, dKernel};
        }
        return new Tensor[] {dx, dKernel, bias.requiresGrad() ? backend.reduceToShape(dz, bias.shape()) : null};
    }

    @Override
    public String name() {
        return "conv2d";
    }
}
