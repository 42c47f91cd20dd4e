package org.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.nn.Tensor;
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
