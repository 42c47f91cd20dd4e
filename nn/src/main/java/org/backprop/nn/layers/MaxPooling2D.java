package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Takes the maximum of each window per channel, as Keras's
 * {@code MaxPooling2D}; see {@link Pooling2D} for shapes and settings.
 */
public final class MaxPooling2D extends Pooling2D<MaxPooling2D> {

    /** Returns Keras's default: 2 × 2 windows, strides of 2, "valid" padding. */
    public MaxPooling2D() {
        this(2);
    }

    public MaxPooling2D(int poolSize) {
        super("max_pooling2d", poolSize);
    }

    @Override
    protected MaxPooling2D self() {
        return this;
    }

    @Override
    public String typeName() {
        return "MaxPooling2D";
    }

    @Override
    protected Tensor pool(Tensor inputs) {
        return Ops.maxPool2d(inputs, poolSize, poolSize, strides, strides, padding);
    }
}
