package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Takes each channel's maximum over height and width, as Keras's {@code GlobalMaxPooling2D}: {@code [batch, h, w,
 * c]} → {@code [batch, c]}. Computed as one max-pooling window the size of the image, so every backend that pools
 * images runs it.
 */
public final class GlobalMaxPooling2D extends Layer {

    public GlobalMaxPooling2D() {
        super("global_max_pooling2d");
    }

    @Override
    public String typeName() {
        return "GlobalMaxPooling2D";
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Windows.checkImageInput(this, shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {inputShape[2]};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int height = inputs.dim(1);
        int width = inputs.dim(2);
        Tensor pooled = Ops.maxPool2d(inputs, height, width, height, width, "valid");
        return Ops.reshape(pooled, new int[] {inputs.dim(0), inputs.dim(3)});
    }
}
