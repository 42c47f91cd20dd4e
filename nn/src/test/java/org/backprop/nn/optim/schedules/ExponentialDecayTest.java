package org.backprop.nn.optim.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras's {@code ExponentialDecay}, {@code initial · rate^(step / decay_steps)}, against values worked by hand. */
class ExponentialDecayTest {

    @Test
    void decaysSmoothlyByDefault() {
        // The book's style transfer schedule: ExponentialDecay(initial_learning_rate=100.0, decay_steps=100,
        // decay_rate=0.96).
        ExponentialDecay schedule = new ExponentialDecay(100.0, 100, 0.96);
        assertEquals(100.0, schedule.call(0), 1e-12);
        assertEquals(96.0, schedule.call(100), 1e-12);
        assertEquals(100 * 0.96 * 0.96, schedule.call(200), 1e-12);
        assertEquals(100 * Math.sqrt(0.96), schedule.call(50), 1e-12, "0.96^0.5 = 0.9797958…");
        assertEquals(97.9795897, schedule.call(50), 1e-6);
    }

    @Test
    void aStaircaseChangesOnceEveryDecaySteps() {
        ExponentialDecay schedule = new ExponentialDecay(0.1, 10, 0.5, true);
        assertEquals(0.1, schedule.call(9), 1e-12);
        assertEquals(0.05, schedule.call(10), 1e-12);
        assertEquals(0.05, schedule.call(19), 1e-12);
        assertEquals(0.025, schedule.call(25), 1e-12);
    }

    @Test
    void hasKerassConfig() {
        ExponentialDecay schedule = new ExponentialDecay(100.0, 100, 0.96);
        assertEquals("ExponentialDecay", schedule.className());
        assertEquals(Map.of("initial_learning_rate", 100.0, "decay_steps", 100L, "decay_rate", 0.96, "staircase",
                false), schedule.getConfig());
    }

    @Test
    void refusesSettingsThatMakeNoSchedule() {
        assertEquals("decaySteps must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(1, 0, 0.9)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0, 10, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(1, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(1, 10, 0.9).call(-1));
    }
}
