package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.ConvGeometry;

/**
 * y = conv2d(x, kernel), or its depthwise variant; the two gradients are the backend's transposed
 * convolutions.
 */
final class Convolution extends Function {
    private final Tensor x;
    private final Tensor kernel;
    private final ConvGeometry geometry;
    private final boolean depthwise;

    private Convolution(Tensor x, Tensor kernel, ConvGeometry geometry, boolean depthwise) {
        super(x, kernel);
        this.x = x;
        this.kernel = kernel;
        this.geometry = geometry;
        this.depthwise = depthwise;
    }

    static Tensor apply(Tensor x, Tensor kernel, ConvGeometry geometry, boolean depthwise) {
        Tensor y = depthwise ? Backends.current().depthwiseConv2d(x, kernel, geometry)
                : Backends.current().conv2d(x, kernel, geometry);
        return Ops.record(y, new Convolution(x, kernel, geometry, depthwise));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        Tensor dx = null;
        Tensor dk = null;
        if (x.requiresGrad()) {
            dx = depthwise ? Backends.current().depthwiseConv2dBackwardInput(dy, kernel, x.shape(), geometry)
                    : Backends.current().conv2dBackwardInput(dy, kernel, x.shape(), geometry);
        }
        if (kernel.requiresGrad()) {
            dk = depthwise ? Backends.current().depthwiseConv2dBackwardKernel(x, dy, kernel.shape(), geometry)
                    : Backends.current().conv2dBackwardKernel(x, dy, kernel.shape(), geometry);
        }
        return new Tensor[] {dx, dk};
    }

    @Override
    public String name() {
        return depthwise ? "depthwise_conv2d" : "conv2d";
    }
}
