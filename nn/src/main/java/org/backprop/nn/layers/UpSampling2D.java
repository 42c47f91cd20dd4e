package org.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Repeats each pixel {@code size × size} times, as Keras's {@code UpSampling2D} with its default "nearest"
 * interpolation: {@code [batch, h, w, c]} → {@code [batch, h·size, w·size, c]}. Composed of reshapes and
 * concatenations, so every backend runs it and the gradient sums each pixel's copies.
 */
public final class UpSampling2D extends Layer {
    private final int size;

    /** Returns Keras's default: each pixel repeated 2 × 2 times. */
    public UpSampling2D() {
        this(2);
    }

    /** Returns the layer that repeats each pixel {@code size × size} times. */
    public UpSampling2D(int size) {
        super("up_sampling2d");
        this.size = Windows.positive("size", size);
    }

    @Override
    public String typeName() {
        return "UpSampling2D";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("size", new int[] {size, size}).put("interpolation", "nearest");
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Windows.checkImageInput(this, shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {inputShape[0] * size, inputShape[1] * size, inputShape[2]};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int batch = inputs.dim(0);
        int height = inputs.dim(1);
        int width = inputs.dim(2);
        int channels = inputs.dim(3);
        // Each pixel's copies side by side, then each row's copies one under the other.
        Tensor wide = Ops.reshape(repeat(Ops.reshape(inputs, new int[] {batch * height, width, 1, channels}), 2),
                new int[] {batch, height, 1, width * size * channels});
        return Ops.reshape(repeat(wide, 2), new int[] {batch, height * size, width * size, channels});
    }

    private Tensor repeat(Tensor x, int axis) {
        List<Tensor> copies = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copies.add(x);
        }
        return Ops.concatenate(copies, axis);
    }
}
