package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** Averages each channel over height and width, as Keras's {@code GlobalAveragePooling2D}: {@code [batch, h, w, c]} → {@code [batch, c]}. */
public final class GlobalAveragePooling2D extends Layer {

    public GlobalAveragePooling2D() {
        super("global_average_pooling2d");
    }

    @Override
    public String typeName() {
        return "GlobalAveragePooling2D";
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
        return Ops.reshape(Ops.mean(inputs, 1, 2), new int[] {inputs.dim(0), inputs.dim(3)});
    }
}
