package org.backprop.nn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.Test;

/** The book's GAN, two models and two optimizers in one train step, learns where 2-D data lies (fixed seed, CPU). */
class GanTest {

    @Test
    void generatesPointsThatMoveToTheData() {
        RandomSeed.set(11);
        Gan gan = new Gan(Gan.discriminator(), Gan.generator(4), 4);
        gan.compile(new Adam(1e-3), new Adam(1e-3), new BinaryCrossentropy());
        Tensor latent = latent(256, 4);
        double[] before = meanAndSpread(gan.generator().predict(latent));
        History history = gan.fit(Gan.points(512, 5), FitOptions.epochs(30).batchSize(32).verbose(0));
        double[] after = meanAndSpread(gan.generator().predict(latent));

        assertEquals(List.of("d_loss", "g_loss"), history.metrics());
        // The data lies around (2, -1) with a spread of 0.5 on each axis.
        double distanceBefore = Math.hypot(before[0] - 2, before[1] + 1);
        double distanceAfter = Math.hypot(after[0] - 2, after[1] + 1);
        String moved = "generated mean (" + before[0] + ", " + before[1] + ") -> (" + after[0] + ", " + after[1]
                + "), spread (" + after[2] + ", " + after[3] + ")";
        assertTrue(distanceBefore > 1.5 && distanceAfter < 0.5, moved);
        assertTrue(after[2] > 0.2 && after[2] < 1.0 && after[3] > 0.2 && after[3] < 1.0, moved);
        // Neither player wins: the discriminator stays near chance (ln 2 = 0.69), the generator's loss bounded.
        for (double dLoss : history.get("d_loss")) {
            assertTrue(dLoss > 0.55 && dLoss < 0.8, () -> "d_loss per epoch " + history.get("d_loss"));
        }
        for (double gLoss : history.get("g_loss")) {
            assertTrue(gLoss > 0.5 && gLoss < 1.1, () -> "g_loss per epoch " + history.get("g_loss"));
        }
        assertEquals("binary_crossentropy", history.runRecord().loss().name());
        // The record opens both models up: three Dense layers each.
        List<String> layers = new ArrayList<>();
        history.runRecord().model().layers().forEach(layer -> layers.add(layer.name().split("/")[0]));
        assertEquals(List.of("generator", "generator", "generator", "discriminator", "discriminator",
                "discriminator"), layers);
    }

    @Test
    void needsAnOptimizerPerModel() {
        Gan gan = new Gan(Gan.discriminator(), Gan.generator(4), 4);
        Adam shared = new Adam();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> gan.compile(shared, shared, new BinaryCrossentropy()));
        assertTrue(refused.getMessage().startsWith("a GAN needs two optimizers, one per model"), refused::getMessage);
    }

    private static Tensor latent(int count, int dim) {
        RandomGenerator random = new RandomGenerator(99);
        float[] values = new float[count * dim];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Tensor.of(new int[] {count, dim}, values);
    }

    /** Returns the points' mean x, mean y, and standard deviations along x and y. */
    private static double[] meanAndSpread(Tensor points) {
        int n = points.dim(0);
        double[] sum = new double[2];
        double[] squares = new double[2];
        for (int i = 0; i < n; i++) {
            for (int axis = 0; axis < 2; axis++) {
                double value = points.get(2 * i + axis);
                sum[axis] += value;
                squares[axis] += value * value;
            }
        }
        double mx = sum[0] / n;
        double my = sum[1] / n;
        return new double[] {mx, my, Math.sqrt(squares[0] / n - mx * mx), Math.sqrt(squares[1] / n - my * my)};
    }
}
