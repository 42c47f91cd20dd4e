package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;

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
        float[] in = inputs.internalValues();
        float[] out = new float[batch * height * width * channels];
        double scaleY = (double) inHeight / height;
        double scaleX = (double) inWidth / width;
        for (int n = 0; n < batch; n++) {
            for (int y = 0; y < height; y++) {
                double sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), inHeight - 1);
                int y0 = (int) sy;
                int y1 = Math.min(y0 + 1, inHeight - 1);
                float fy = (float) (sy - y0);
                for (int x = 0; x < width; x++) {
                    double sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), inWidth - 1);
                    int x0 = (int) sx;
                    int x1 = Math.min(x0 + 1, inWidth - 1);
                    float fx = (float) (sx - x0);
                    int target = ((n * height + y) * width + x) * channels;
                    for (int c = 0; c < channels; c++) {
                        float top = pixel(in, n, y0, x0, c, inHeight, inWidth, channels) * (1 - fx)
                                + pixel(in, n, y0, x1, c, inHeight, inWidth, channels) * fx;
                        float bottom = pixel(in, n, y1, x0, c, inHeight, inWidth, channels) * (1 - fx)
                                + pixel(in, n, y1, x1, c, inHeight, inWidth, channels) * fx;
                        out[target + c] = top * (1 - fy) + bottom * fy;
                    }
                }
            }
        }
        return Tensor.wrap(new int[] {batch, height, width, channels}, out);
    }

    private static float pixel(float[] in, int n, int y, int x, int c, int height, int width, int channels) {
        return in[((n * height + y) * width + x) * channels + c];
    }
}
