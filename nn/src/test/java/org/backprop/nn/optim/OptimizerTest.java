package org.backprop.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.optim.schedules.ExponentialDecay;
import org.junit.jupiter.api.Test;

/** Two steps of each optimizer on w = [1, -2] with gradient [0.5, -1], worked by hand from Keras 3's formulas. */
class OptimizerTest {
    private static final Tensor GRADIENT = Tensor.of(new float[] {0.5f, -1f});

    private static float[] twoSteps(Optimizer optimizer) {
        Variable w = new Variable("w", Tensor.of(new float[] {1f, -2f}), true);
        optimizer.apply(List.of(w), List.of(GRADIENT));
        optimizer.apply(List.of(w), List.of(GRADIENT));
        return w.value().toArray();
    }

    @Test
    void aScheduleGivesEachStepTheRateForTheStepsBeforeIt() {
        // Keras reads the schedule at optimizer.iterations before the step: 0.1, then 0.1 · 0.5^(1/2).
        SGD sgd = new SGD(new ExponentialDecay(0.1, 2, 0.5));
        assertEquals(0.1f, sgd.learningRate());
        double second = 0.1 * Math.sqrt(0.5);
        float[] w = twoSteps(sgd);
        assertArrayEquals(new float[] {(float) (1 - 0.5 * (0.1 + second)), (float) (-2 + 0.1 + second)}, w, 1e-6f);
        assertEquals(2, sgd.iterations());
        assertEquals(0.05f, sgd.learningRate(), 1e-8f, "the rate of the third step: 0.1 · 0.5^(2/2)");
    }

    @Test
    void everyOptimizerTakesASchedule() {
        // A schedule that never decays steps exactly as the fixed rate does.
        ExponentialDecay constant = new ExponentialDecay(0.01, 1, 1.0);
        assertArrayEquals(twoSteps(new Adam(0.01)), twoSteps(new Adam(constant)));
        assertArrayEquals(twoSteps(new AdamW(0.01)), twoSteps(new AdamW(constant)));
        assertArrayEquals(twoSteps(new RMSprop(0.01)), twoSteps(new RMSprop(constant)));
        assertArrayEquals(twoSteps(new SGD(0.01, 0.9, true)), twoSteps(new SGD(constant, 0.9, true)));
    }

    @Test
    void aScheduleOwnsTheLearningRate() {
        SGD sgd = new SGD(new ExponentialDecay(100.0, 100, 0.96));
        assertEquals("This sgd optimizer was created with the schedule ExponentialDecay as its learning rate, so its"
                + " learning rate cannot be set: the schedule decides it. Use either the schedule or a"
                + " LearningRateScheduler callback, not both.",
                assertThrows(IllegalStateException.class, () -> sgd.setLearningRate(1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SGD((ExponentialDecay) null));
    }

    @Test
    void sgd() {
        assertArrayEquals(new float[] {1 - 2 * 0.05f, -2 + 2 * 0.1f}, twoSteps(new SGD(0.1)), 1e-6f);
    }

    @Test
    void sgdWithMomentum() {
        // v1 = -lr g; v2 = m v1 - lr g = -1.9 lr g; w = w0 + v1 + v2 = w0 - 2.9 lr g.
        assertArrayEquals(new float[] {1 - 2.9f * 0.05f, -2 + 2.9f * 0.1f}, twoSteps(new SGD(0.1, 0.9, false)), 1e-6f);
        // Nesterov steps by m v - lr g: first -1.9 lr g, then m(-1.9 lr g) - lr g = -2.71 lr g.
        assertArrayEquals(new float[] {1 - 4.61f * 0.05f, -2 + 4.61f * 0.1f}, twoSteps(new SGD(0.1, 0.9, true)), 1e-6f);
    }

    @Test
    void rmsprop() {
        // v1 = 0.1 g², step lr g / sqrt(v1 + eps); v2 = 0.19 g², step lr g / sqrt(v2 + eps).
        double step = 0.01 / Math.sqrt(0.1) + 0.01 / Math.sqrt(0.19);
        assertArrayEquals(new float[] {(float) (1 - step), (float) (-2 + step)}, twoSteps(new RMSprop(0.01)), 1e-5f);
    }

    @Test
    void adam() {
        // The bias-corrected first steps of Adam move each weight by about lr against its gradient's sign.
        double step1 = 0.01 * Math.sqrt(1 - 0.999) / (1 - 0.9) * 0.1 / (Math.sqrt(0.001) + 1e-7);
        double step2 = 0.01 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81) * 0.19 / (Math.sqrt(0.001999) + 1e-7);
        double total = step1 + step2;
        assertArrayEquals(new float[] {(float) (1 - total), (float) (-2 + total)}, twoSteps(new Adam(0.01)), 1e-5f);
    }

    @Test
    void adamWDecaysTheWeightsBeforeEachAdamStep() {
        float[] adam = twoSteps(new Adam(0.01));
        float[] adamW = twoSteps(new AdamW(0.01, 0.1));
        // Decay moves both weights toward zero by roughly w · 0.1 · 0.01 per step.
        assertEquals(adam[0] - 2 * 0.001f * 1f, adamW[0], 1e-4f);
        assertEquals(adam[1] + 2 * 0.001f * 2f, adamW[1], 1e-4f);
    }

    @Test
    void namesBadSettings() {
        assertEquals("learningRate must be positive, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new Adam(0)).getMessage());
        assertEquals("optimizer must be one of sgd, rmsprop, adam, adamw; got \"adagrad\"",
                assertThrows(IllegalArgumentException.class, () -> Optimizer.byName("adagrad")).getMessage());
    }
}
