package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * Scales each image's contrast by a random factor in [1 − factor, 1 + factor] in training, as Keras's
 * {@code RandomContrast}: every channel's values move away from (or toward) that channel's mean over the
 * image. The identity in inference; gradients do not flow through it.
 */
public final class RandomContrast extends Layer {
    private final double factor;

    public RandomContrast(double factor) {
        super("random_contrast");
        if (!(factor >= 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in [0, 1], got " + factor);
        }
        this.factor = factor;
    }

    @Override
    public String typeName() {
        return "RandomContrast";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("factor", factor);
    }

    @Override
    public boolean activeOnlyInTraining() {
        return true;
    }

    @Override
    protected void checkInputShape(int[] shape) {
        if (shape.length != 3) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (RandomContrast) expects images of shape"
                    + " (None, height, width, channels), but received input with shape "
                    + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        if (!training) {
            return inputs;
        }
        int batch = inputs.dim(0);
        int channels = inputs.dim(3);
        int pixels = inputs.dim(1) * inputs.dim(2);
        float[] in = TensorInternals.values(inputs);
        float[] out = new float[in.length];
        RandomGenerator random = RandomSeed.generator();
        for (int n = 0; n < batch; n++) {
            float contrast = (float) (1 + (random.nextDouble() * 2 - 1) * factor);
            int base = n * pixels * channels;
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int p = 0; p < pixels; p++) {
                    sum += in[base + p * channels + c];
                }
                float mean = (float) (sum / pixels);
                for (int p = 0; p < pixels; p++) {
                    int i = base + p * channels + c;
                    out[i] = (in[i] - mean) * contrast + mean;
                }
            }
        }
        return TensorInternals.wrap(inputs.shape(), out);
    }
}
