package org.backprop.nn.layers.preprocessing;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * A random geometric change of each image {@code [batch, h, w, c]} in training, the identity in inference.
 * Each image gets its own transform, drawn on the host from the program's seeded generator; the backend
 * resamples the images (on the GPU with WebGPU): bilinearly, positions outside the image filled by reflection
 * (Keras's defaults). Meant for model inputs: gradients do not flow through augmentation.
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
        double[] transforms = new double[batch * 6];
        RandomGenerator random = RandomSeed.generator();
        for (int n = 0; n < batch; n++) {
            System.arraycopy(inverseTransform(random, inputs.dim(1), inputs.dim(2)), 0, transforms, n * 6, 6);
        }
        return Backends.current().transformImages(inputs, transforms);
    }
}
