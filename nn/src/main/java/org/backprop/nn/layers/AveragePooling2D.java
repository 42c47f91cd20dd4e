package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Takes the mean (over the positions inside the input) of each window per channel, as Keras's
 * {@code AveragePooling2D}; see {@link Pooling2D} for shapes and settings.
 */
public final class AveragePooling2D extends Pooling2D<AveragePooling2D> {

    /** Returns Keras's default: 2 × 2 windows, strides of 2, "valid" padding. */
    public AveragePooling2D() {
        this(2);
    }

    public AveragePooling2D(int poolSize) {
        super("average_pooling2d", poolSize);
    }

    @Override
    protected AveragePooling2D self() {
        return this;
    }

    @Override
    public String typeName() {
        return "AveragePooling2D";
    }

    @Override
    protected Tensor pool(Tensor inputs) {
        return Ops.averagePool2d(inputs, poolSize, poolSize, strides, strides, padding);
    }
}
