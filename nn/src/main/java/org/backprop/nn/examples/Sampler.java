package org.backprop.nn.examples;

import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * The book's {@code Sampler} layer of the VAE (chapter 12): draws {@code z = z_mean + exp(0.5 · z_log_var) · ε},
 * ε a standard normal from the program's seeded generator, so that a run is reproduced by its seed.
 *
 * <p>Called with {@link #sample(Tensor, Tensor)} on {@code z_mean} and {@code z_log_var}, both {@code [batch,
 * latent]}, as the book calls {@code self.sampler(z_mean, z_log_var)}. In a functional graph it takes the
 * encoder's one output {@code [batch, 2 · latent]}, z_mean then z_log_var side by side (nn's models have one
 * output), and gives {@code [batch, latent]}. It samples in training and inference alike, as the book's does.
 */
public final class Sampler extends Layer {

    public Sampler() {
        super("sampler");
    }

    @Override
    public String typeName() {
        return "Sampler";
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        if (inputShape.length != 1 || inputShape[0] % 2 != 0) {
            throw new IllegalArgumentException("Sampler takes z_mean and z_log_var side by side, shape [batch, 2 *"
                    + " latent], got " + Tensor.describe(inputShape) + " per example");
        }
        return new int[] {inputShape[0] / 2};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int latent = inputs.dim(1) / 2;
        return sample(inputs.slice(1, 0, latent), inputs.slice(1, latent, 2 * latent));
    }

    /** Returns a sample of the normal with mean {@code zMean} and log-variance {@code zLogVar}, both {@code [batch, latent]}. */
    public Tensor sample(Tensor zMean, Tensor zLogVar) {
        RandomGenerator random = RandomSeed.generator();
        float[] epsilon = new float[zMean.size()];
        for (int i = 0; i < epsilon.length; i++) {
            epsilon[i] = (float) random.nextGaussian();
        }
        return zMean.add(zLogVar.mul(0.5f).exp().mul(Tensor.of(zMean.shape(), epsilon)));
    }
}
