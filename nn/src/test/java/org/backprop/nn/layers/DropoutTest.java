package org.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.nn.Tensor;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.Test;

class DropoutTest {

    @Test
    void dropsAboutRateOfTheInputsInTrainingAndScalesTheRest() {
        RandomSeed.set(3);
        Tensor out = new Dropout(0.25).call(Tensor.filled(1f, 100, 100), true);
        int zeros = 0;
        for (float v : out.toArray()) {
            assertTrue(v == 0f || Math.abs(v - 1f / 0.75f) < 1e-6, "kept values are scaled by 1 / (1 - rate)");
            zeros += v == 0f ? 1 : 0;
        }
        assertEquals(2500, zeros, 150);
    }

    @Test
    void drawsTheMaskValueByValueFromTheSeededGeneratorAndMovesItOn() {
        RandomSeed.set(19);
        Tensor out = new Dropout(0.3).call(Tensor.filled(2f, 7, 13), true);
        float afterwards = RandomSeed.generator().nextFloat();
        // The mask as drawn one value at a time from the global generator, which the layer did before backends
        // drew it; the results must stay bit-identical.
        RandomGenerator reference = new RandomGenerator(19);
        float[] values = out.toArray();
        for (int i = 0; i < values.length; i++) {
            float expected = reference.nextFloat() < 0.3f ? 0f : 2f * (1f / (1f - 0.3f));
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(values[i]), "value " + i);
        }
        assertEquals(reference.nextFloat(), afterwards, "the generator moved past the mask's draws");
    }

    @Test
    void isTheIdentityInInferenceAndReportsThat() {
        Dropout dropout = new Dropout(0.5);
        Tensor x = Tensor.filled(2f, 4, 3);
        assertSame(x, dropout.call(x, false));
        assertTrue(dropout.activeOnlyInTraining());
    }

    @Test
    void theSameSeedDropsTheSameInputs() {
        RandomSeed.set(11);
        Tensor first = new Dropout(0.5).call(Tensor.filled(1f, 8, 8), true);
        RandomSeed.set(11);
        assertEquals(first, new Dropout(0.5).call(Tensor.filled(1f, 8, 8), true));
    }

    @Test
    void namesAnInvalidRate() {
        assertEquals("rate must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0)).getMessage());
    }
}
