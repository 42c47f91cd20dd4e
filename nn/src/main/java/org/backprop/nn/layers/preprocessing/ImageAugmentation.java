package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * A random geometric change of each image {@code [batch, h, w, c]} in training, the identity in inference.
 * Each image gets its own transform, drawn from the program's seeded generator; pixels are sampled
 * bilinearly, and positions outside the image are filled by reflection (Keras's defaults). Meant for model
 * inputs: gradients do not flow through augmentation.
 */
public abstract class ImageAugmentation extends Layer {

    protected ImageAugmentation(String kerasPrefix) {
        super(kerasPrefix);
    }

    /**
     * Returns the 2×3 matrix that maps an output pixel (x, y), measured from the image centre, to the input
     * position it samples: {@code {a, b, tx, c, d, ty}} for x' = a·x + b·y + tx, y' = c·x + d·y + ty.
     */
    protected abstract double[] inverseTransform(RandomGenerator random, int height, int width);

    @Override
    public final boolean activeOnlyInTraining() {
        return true;
    }

    @Override
    protected final void checkInputShape(int[] shape) {
        if (shape.length != 3) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (" + typeName() + ") expects images of shape"
                    + " (None, height, width, channels), but received input with shape "
                    + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    @Override
    public final int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected final Tensor forward(Tensor inputs, boolean training) {
        if (!training) {
            return inputs;
        }
        int batch = inputs.dim(0);
        int height = inputs.dim(1);
        int width = inputs.dim(2);
        int channels = inputs.dim(3);
        float[] source = inputs.internalValues();
        float[] out = new float[source.length];
        RandomGenerator random = RandomSeed.generator();
        for (int n = 0; n < batch; n++) {
            double[] m = inverseTransform(random, height, width);
            sampleImage(source, out, n * height * width * channels, height, width, channels, m);
        }
        return Tensor.wrap(inputs.shape(), out);
    }

    private static void sampleImage(float[] source, float[] out, int base, int height, int width, int channels,
            double[] m) {
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - cx;
                double dy = y - cy;
                double sx = reflect(m[0] * dx + m[1] * dy + m[2] + cx, width);
                double sy = reflect(m[3] * dx + m[4] * dy + m[5] + cy, height);
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                int x1 = Math.min(x0 + 1, width - 1);
                int y1 = Math.min(y0 + 1, height - 1);
                float fx = (float) (sx - x0);
                float fy = (float) (sy - y0);
                int target = base + (y * width + x) * channels;
                for (int c = 0; c < channels; c++) {
                    float top = source[base + (y0 * width + x0) * channels + c] * (1 - fx)
                            + source[base + (y0 * width + x1) * channels + c] * fx;
                    float bottom = source[base + (y1 * width + x0) * channels + c] * (1 - fx)
                            + source[base + (y1 * width + x1) * channels + c] * fx;
                    out[target + c] = top * (1 - fy) + bottom * fy;
                }
            }
        }
    }

    /** Folds a coordinate back into [0, size − 1] as a mirror at the image's edges would. */
    static double reflect(double coordinate, int size) {
        if (size == 1) {
            return 0;
        }
        double period = 2.0 * size;
        double c = (coordinate + 0.5) % period;
        if (c < 0) {
            c += period;
        }
        if (c >= size) {
            c = period - c;
        }
        return Math.min(Math.max(c - 0.5, 0), size - 1);
    }
}
