package org.backprop.nn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pace of batch reports: one per 250 ms at most, counted from the last report or restart. */
class ProgressThrottleTest {
    private long now = 1_000;

    @Test
    void saysYesOncePerIntervalCountingFromTheLastYesOrRestart() {
        ProgressThrottle throttle = new ProgressThrottle(() -> now);
        List<Long> yes = new ArrayList<>();
        for (int tick = 0; tick < 12; tick++) {
            now += 100;
            if (throttle.due()) {
                yes.add(now);
            }
        }
        assertEquals(List.of(1_300L, 1_600L, 1_900L, 2_200L), yes, "every third tick of 100 ms");

        throttle.restart();
        now += 249;
        assertEquals(false, throttle.due(), "249 ms after a restart");
        now += 1;
        assertEquals(true, throttle.due(), "250 ms after a restart");
        assertEquals(false, throttle.due(), "at once after a yes");
    }
}
