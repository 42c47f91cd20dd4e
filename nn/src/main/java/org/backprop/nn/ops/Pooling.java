package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.ConvGeometry;

/** y = max or average of each window; dx routes dy to each window's maximum, or spreads it evenly. */
final class Pooling extends Function {
    private final Tensor x;
    private final ConvGeometry geometry;
    private final boolean max;

    private Pooling(Tensor x, ConvGeometry geometry, boolean max) {
        super(x);
        this.x = x;
        this.geometry = geometry;
        this.max = max;
    }

    static Tensor apply(Tensor x, ConvGeometry geometry, boolean max) {
        Tensor y = max ? Backends.current().maxPool2d(x, geometry) : Backends.current().averagePool2d(x, geometry);
        return Ops.record(y, new Pooling(x, geometry, max));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        return new Tensor[] {max ? Backends.current().maxPool2dBackward(x, dy, geometry)
                : Backends.current().averagePool2dBackward(dy, x.shape(), geometry)};
    }

    @Override
    public String name() {
        return max ? "max_pool2d" : "average_pool2d";
    }
}
