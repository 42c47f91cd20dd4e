package org.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Losses;
import org.backprop.nn.Tensor;
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
        layer.setWeights(Tensor.of(new int[] {8, 9}, new float[72]), Tensor.of(new float[9]));
        assertEquals(81, layer.countParams());
    }

    @Test
    void namesTheLayerAndBothShapesOnAMismatch() {
        Dense layer = linear(0.1f, 0.3f, 4f, 0f);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> layer.apply(Tensor.of(new float[][] {{1, 2}})));
        assertEquals("Dense(units=1) expects inputs of shape (batch, 3), got (1, 2)", error.getMessage());
    }

    @Test
    void refusesToRunBeforeItHasWeights() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> new Dense(2).apply(HOUSES));
        assertEquals("Dense(units=2) has no weights yet: call setWeights(kernel, bias) first", error.getMessage());
    }

    @Test
    void namesTheArgumentAndValueWhenUnitsAreInvalid() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Dense(0));
        assertEquals("units must be positive, got 0", error.getMessage());
    }

    private static Dense linear(float area, float rooms, float km, float bias) {
        Dense layer = new Dense(1);
        layer.setWeights(Tensor.of(new float[][] {{area}, {rooms}, {km}}), Tensor.of(new float[] {bias}));
        return layer;
    }

    private static float mae(Dense layer) {
        return Losses.meanAbsoluteError(PRICES, layer.apply(HOUSES));
    }
}
