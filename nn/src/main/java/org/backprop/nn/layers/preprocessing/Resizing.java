package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.images.Bilinear;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;

/**
 * Resizes images to {@code height × width} with bilinear interpolation, as Keras's {@code Resizing} (half-pixel
 * centres, no antialiasing), in training and inference alike. Inputs {@code [batch, h, w, c]}, outputs
 * {@code [batch, height, width, c]}; gradients do not flow through it.
 */
public final class Resizing extends Layer {
    private final int height;
    private final int width;

    public Resizing(int height, int width) {
        super("resizing");
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("height and width must be positive, got " + height + " and " + width);
        }
        this.height = height;
        this.width = width;
    }

    @Override
    public String typeName() {
        return "Resizing";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("height", height).put("width", width);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        if (shape.length != 3) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Resizing) expects images of shape"
                    + " (None, height, width, channels), but received input with shape "
                    + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {height, width, inputShape[2]};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int batch = inputs.dim(0);
        int inHeight = inputs.dim(1);
        int inWidth = inputs.dim(2);
        int channels = inputs.dim(3);
        float[] in = TensorInternals.values(inputs);
        float[] out = new float[batch * height * width * channels];
        for (int n = 0; n < batch; n++) {
            Bilinear.resize(in, n * inHeight * inWidth * channels, inHeight, inWidth, channels,
                    out, n * height * width * channels, height, width);
        }
        return TensorInternals.wrap(new int[] {batch, height, width, channels}, out);
    }
}
