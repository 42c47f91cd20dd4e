package org.backprop.nn.examples;

import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.losses.Loss;
import org.backprop.nn.metrics.Mean;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * The book's GAN (chapter 12) with its own training step, on a problem small enough to watch: the generator learns
 * to turn normal noise into 2-D points like the data's. Each step first trains the discriminator on generated
 * points (label 1) and real ones (label 0), labels jittered by 0.05·uniform noise; then the generator, through
 * the discriminator, towards "real" (label 0). As in the book, each optimizer moves only its own model's weights
 * ({@code discriminator.trainableWeights()}, {@code generator.trainableWeights()}): the discriminator stays
 * trainable, its gradients in the generator's step are never applied. Trackers log {@code d_loss} and {@code g_loss}.
 *
 * <p>As a functional model the GAN is generator then discriminator, latent vectors {@code [batch, latentDim]} to
 * the probability {@code [batch, 1]} that a point is generated; {@code fit} takes the real points {@code [n, 2]}.
 */
public final class Gan extends Model {
    private final Model discriminator;
    private final Model generator;
    private final int latentDim;
    private final Mean dLossMetric = new Mean("d_loss");
    private final Mean gLossMetric = new Mean("g_loss");
    private Optimizer dOptimizer;
    private Optimizer gOptimizer;
    private Loss lossFn;

    /** Returns the GAN of {@code discriminator} and {@code generator}, which takes latent vectors of {@code latentDim}. */
    public Gan(Model discriminator, Model generator, int latentDim) {
        this(Input.shape(latentDim), discriminator, generator, latentDim);
    }

    private Gan(Input latent, Model discriminator, Model generator, int latentDim) {
        super(latent, discriminator.apply(generator.apply(latent)), "gan");
        this.discriminator = discriminator;
        this.generator = generator;
        this.latentDim = latentDim;
    }

    /** Returns a generator of 2-D points from {@code latentDim} normal numbers: two layers of 16 leaky-ReLU units. */
    public static Sequential generator(int latentDim) {
        Sequential generator = new Sequential("generator", new Dense(16, "leaky_relu"), new Dense(16, "leaky_relu"),
                new Dense(2));
        generator.build(latentDim);
        return generator;
    }

    /** Returns a discriminator of 2-D points: the probability that a point is generated. */
    public static Sequential discriminator() {
        Sequential discriminator = new Sequential("discriminator", new Dense(16, "leaky_relu"),
                new Dense(16, "leaky_relu"), new Dense(1, "sigmoid"));
        discriminator.build(2);
        return discriminator;
    }

    /**
     * Returns {@code count} real points {@code [count, 2]}: a normal around (2, −1) with standard deviation 0.5
     * on each axis, drawn from a generator seeded with {@code seed}.
     */
    public static Tensor points(int count, long seed) {
        RandomGenerator random = new RandomGenerator(seed);
        float[] values = new float[count * 2];
        for (int i = 0; i < count; i++) {
            values[2 * i] = (float) (2 + 0.5 * random.nextGaussian());
            values[2 * i + 1] = (float) (-1 + 0.5 * random.nextGaussian());
        }
        return Tensor.of(new int[] {count, 2}, values);
    }

    /**
     * Sets both optimizers and the loss, as the book's {@code gan.compile(d_optimizer, g_optimizer, loss_fn)}. The
     * model itself is compiled with the generator's optimizer and the loss, which its run record names.
     */
    public void compile(Optimizer dOptimizer, Optimizer gOptimizer, Loss lossFn) {
        if (dOptimizer == null || gOptimizer == null || dOptimizer == gOptimizer) {
            throw new IllegalArgumentException("a GAN needs two optimizers, one per model (each keeps its own"
                    + " moments), got " + (dOptimizer == gOptimizer ? "the same one twice" : "null"));
        }
        compile(gOptimizer, lossFn);
        this.dOptimizer = dOptimizer;
        this.gOptimizer = gOptimizer;
        this.lossFn = lossFn;
    }

    /** Returns the generator, which turns latent vectors {@code [batch, latentDim]} into points {@code [batch, 2]}. */
    public Model generator() {
        return generator;
    }

    @Override
    public List<Metric> metrics() {
        return List.of(dLossMetric, gLossMetric);
    }

    @Override
    protected List<Metric> trainStep(Dataset batch) {
        if (dOptimizer == null) {
            throw new IllegalStateException("compile the GAN with compile(dOptimizer, gOptimizer, lossFn) first");
        }
        Tensor realPoints = batch.features();
        int batchSize = realPoints.dim(0);
        // Outside the discriminator's gradient: generated points are its data here.
        Tensor generated = generator.call(normal(batchSize, latentDim), true).detach();
        Tensor combined = Ops.concatenate(List.of(generated, realPoints), 0);
        Tensor dLoss = lossFn.call(jitteredLabels(batchSize), discriminator.call(combined, true));
        List<Tensor> dGrads = Gradients.ofWeights(dLoss, discriminator.trainableWeights());
        dOptimizer.applyGradients(dGrads, discriminator.trainableWeights());

        Tensor misleadingLabels = Tensor.zeros(batchSize, 1);
        Tensor predictions = discriminator.call(generator.call(normal(batchSize, latentDim), true), true);
        Tensor gLoss = lossFn.call(misleadingLabels, predictions);
        List<Tensor> gGrads = Gradients.ofWeights(gLoss, generator.trainableWeights());
        gOptimizer.applyGradients(gGrads, generator.trainableWeights());

        dLossMetric.updateState(dLoss);
        gLossMetric.updateState(gLoss);
        return metrics();
    }

    /** Trains on 512 points and prints where the generator's points lie before and after. */
    public static void main(String[] args) {
        RandomSeed.set(11);
        Gan gan = new Gan(discriminator(), generator(4), 4);
        gan.compile(new Adam(1e-3), new Adam(1e-3), new BinaryCrossentropy());
        Tensor latent = normal(256, 4);
        System.out.println("generated mean before: " + gan.generator().predict(latent).mean(0));
        gan.fit(points(512, 5), FitOptions.epochs(30).batchSize(32).verbose(1).runName("gan"));
        System.out.println("generated mean after: " + gan.generator().predict(latent).mean(0) + " (data: 2, -1)");
    }

    /** Returns {@code [rows, columns]} standard normal numbers from the program's seeded generator. */
    private static Tensor normal(int rows, int columns) {
        RandomGenerator random = RandomSeed.generator();
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Tensor.of(new int[] {rows, columns}, values);
    }

    /** Returns 1 for the {@code batchSize} generated points, then 0 for the real ones, each plus 0.05·uniform. */
    private static Tensor jitteredLabels(int batchSize) {
        RandomGenerator random = RandomSeed.generator();
        float[] labels = new float[2 * batchSize];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i < batchSize ? 1f : 0f) + 0.05f * random.nextFloat();
        }
        return Tensor.of(new int[] {2 * batchSize, 1}, labels);
    }
}
