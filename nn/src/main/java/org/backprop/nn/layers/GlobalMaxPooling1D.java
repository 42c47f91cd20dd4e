package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Takes each channel's maximum over the steps, as Keras's {@code GlobalMaxPooling1D}: {@code [batch, steps, c]} →
 * {@code [batch, c]}. Computed as one max-pooling window over a one-pixel-wide image, so every backend that pools
 * images runs it.
 */
public final class GlobalMaxPooling1D extends Layer {

    public GlobalMaxPooling1D() {
        super("global_max_pooling1d");
    }

    @Override
    public String typeName() {
        return "GlobalMaxPooling1D";
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Windows.checkSequenceInput(this, shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {inputShape[1]};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int batch = inputs.dim(0);
        int steps = inputs.dim(1);
        int channels = inputs.dim(2);
        Tensor image = Ops.reshape(inputs, new int[] {batch, steps, 1, channels});
        return Ops.reshape(Ops.maxPool2d(image, steps, 1, steps, 1, "valid"), new int[] {batch, channels});
    }
}
