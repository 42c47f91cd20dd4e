package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Tensor;
import org.backprop.nn.losses.MeanAbsoluteError;
import org.backprop.nn.ops.Ops;
import org.junit.jupiter.api.Test;

/** Golden values from the course's house-price slide (COURSE.md, "Worked example"). */
class DenseTest {
    private static final Tensor HOUSES = Tensor.of(new float[][] {{32, 3, 0.3f}, {33, 3, 0.5f}, {36, 4, 0.5f}});
    private static final Tensor PRICES = Tensor.of(new float[][] {{6}, {7}, {8.5f}});

    @Test
    void predictsTheSlidePricesWithoutBias() {
        Dense layer = linear(0.1f, 0.3f, 4f, 0f);
        assertArrayEquals(new float[] {5.3f, 6.2f, 6.8f}, layer.apply(HOUSES).toArray(), 1e-5f);
    }

    @Test
    void reproducesTheSlideMeanAbsoluteErrorsWithBias() {
        assertEquals(1.0f, mae(linear(0.1f, 0.3f, 3f, 0.5f)), 1e-3f);
        assertEquals(0.567f, mae(linear(0.1f, 0.3f, 4f, 0.5f)), 1e-3f);
        assertEquals(1.767f, mae(linear(0.1f, 0.2f, 2f, 0.5f)), 1e-3f);
    }

    @Test
    void countsKernelAndBiasAsKerasDoes() {
        Dense layer = new Dense(9);
        layer.build(8);
        assertEquals(81, layer.countParams());
        Dense noBias = new Dense(9).useBias(false);
        noBias.build(8);
        assertEquals(72, noBias.countParams());
    }

    @Test
    void appliesToTheLastAxisOfHigherRankInputs() {
        Dense layer = new Dense(2);
        Tensor out = layer.apply(random(1, -1, 1, 4, 5, 3));
        assertArrayEquals(new int[] {4, 5, 2}, out.shape());
    }

    @Test
    void gradientsReachInputsKernelAndBias() {
        Dense layer = new Dense(3, "tanh");
        layer.build(4);
        layer.setWeights(random(3, -1, 1, 4, 3), random(4, -1, 1, 3));
        Tensor weights = random(5, -1, 1, 2, 3);
        Tensor inputs = random(2, -1, 1, 2, 4);
        check("dense inputs", in -> Ops.sumAll(Ops.multiply(layer.apply(in[0]), weights)), inputs);
        checkWeights("dense", () -> Ops.sumAll(Ops.multiply(layer.apply(inputs), weights)), layer.weights());
    }

    @Test
    void namesTheLayerAndBothShapesOnAMismatch() {
        Dense layer = linear(0.1f, 0.3f, 4f, 0f);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> layer.apply(Tensor.of(new float[][] {{1, 2}})));
        assertEquals("Layer \"" + layer.name() + "\" (Dense) expects input of shape (None, 3), but received input"
                + " with shape (None, 2)", error.getMessage());
    }

    @Test
    void refusesWeightsBeforeItIsBuilt() {
        Dense layer = new Dense(2);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> layer.setWeights(Tensor.zeros(3, 2), Tensor.zeros(2)));
        assertEquals("Layer \"" + layer.name() + "\" has no weights yet: build it first by calling it on an input"
                + " or giving the model an Input", error.getMessage());
    }

    @Test
    void namesTheArgumentAndValueWhenSettingsAreInvalid() {
        assertEquals("units must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Dense(0)).getMessage());
        assertEquals("activation must be one of linear, relu, sigmoid, tanh, softmax, gelu, leaky_relu; got \"rleu\"",
                assertThrows(IllegalArgumentException.class, () -> new Dense(3, "rleu")).getMessage());
    }

    private static Dense linear(float area, float rooms, float km, float bias) {
        Dense layer = new Dense(1);
        layer.build(3);
        layer.setWeights(Tensor.of(new float[][] {{area}, {rooms}, {km}}), Tensor.of(new float[] {bias}));
        return layer;
    }

    private static float mae(Dense layer) {
        return new MeanAbsoluteError().call(PRICES, layer.apply(HOUSES)).item();
    }
}
