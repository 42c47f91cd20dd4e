package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Takes the maximum of each {@code poolSize × poolSize} window per channel, as Keras's
 * {@code MaxPooling2D}: inputs {@code [batch, h, w, c]}, outputs {@code [batch, outH, outW, c]}. Strides
 * default to the pool size.
 */
public final class MaxPooling2D extends Layer {
    private final int poolSize;
    private int strides;
    private String padding = "valid";

    public MaxPooling2D(int poolSize) {
        super("max_pooling2d");
        this.poolSize = Windows.positive("poolSize", poolSize);
        this.strides = poolSize;
    }

    public MaxPooling2D strides(int value) {
        strides = Windows.positive("strides", value);
        return this;
    }

    public MaxPooling2D padding(String value) {
        padding = Windows.padding(value);
        return this;
    }

    @Override
    public String typeName() {
        return "MaxPooling2D";
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Windows.checkImageInput(this, shape);
        computeOutputShape(shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return Windows.outputShape(this, inputShape, poolSize, strides, padding, inputShape[2]);
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return Ops.maxPool2d(inputs, poolSize, poolSize, strides, strides, padding);
    }
}
