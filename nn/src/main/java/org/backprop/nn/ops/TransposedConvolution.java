package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.ConvGeometry;

/**
 * y = conv2d_transpose(x, kernel): the input gradient of the convolution whose geometry runs from y's size back
 * to x's, as TensorFlow computes it. The backends' three convolution kernels swap roles: forward is the
 * convolution's backward-input, dx is the convolution itself and dkernel its backward-kernel with x and dy swapped.
 */
final class TransposedConvolution extends Function {
    private final Tensor x;
    private final Tensor kernel;
    private final ConvGeometry geometry;

    private TransposedConvolution(Tensor x, Tensor kernel, ConvGeometry geometry) {
        super(x, kernel);
        this.x = x;
        this.kernel = kernel;
        this.geometry = geometry;
    }

    /** {@code geometry} runs from the output {@code [n, outH, outW, kernel.dim(2)]} to x's height and width. */
    static Tensor apply(Tensor x, Tensor kernel, ConvGeometry geometry) {
        int[] outputShape = {x.dim(0), geometry.inHeight, geometry.inWidth, kernel.dim(2)};
        Tensor y = Backends.current().conv2dBackwardInput(x, kernel, outputShape, geometry);
        return Ops.record(y, new TransposedConvolution(x, kernel, geometry));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        Tensor dx = x.requiresGrad() ? Backends.current().conv2d(dy, kernel, geometry) : null;
        Tensor dk = kernel.requiresGrad()
                ? Backends.current().conv2dBackwardKernel(dy, x, kernel.shape(), geometry) : null;
        return new Tensor[] {dx, dk};
    }

    @Override
    public String name() {
        return "conv2d_transpose";
    }
}
