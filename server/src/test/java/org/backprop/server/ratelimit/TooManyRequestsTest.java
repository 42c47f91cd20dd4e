package org.backprop.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.WebApplicationException;
import java.time.Instant;
import org.backprop.server.api.Problem;
import org.junit.jupiter.api.Test;

class TooManyRequestsTest {
    private static final Instant NOW = Instant.parse("2026-09-14T14:00:00Z");

    @Test
    void roundsTheWaitUpToWholeSecondsAndSaysItInWords() {
        WebApplicationException error = TooManyRequests.until("Slow down.", NOW.plusMillis(29_500), NOW);

        assertEquals(429, error.getResponse().getStatus());
        assertEquals("30", error.getResponse().getHeaderString("Retry-After"));
        assertEquals("Slow down. Try again in 30 seconds.", ((Problem) error.getResponse().getEntity()).detail());
    }

    @Test
    void waitsAtLeastOneSecond() {
        assertEquals("1", TooManyRequests.until("Slow down.", NOW, NOW).getResponse().getHeaderString("Retry-After"));
    }

    @Test
    void speaksInMinutesFromAMinuteOn() {
        assertEquals("1 second", TooManyRequests.duration(1));
        assertEquals("59 seconds", TooManyRequests.duration(59));
        assertEquals("1 minute", TooManyRequests.duration(60));
        assertEquals("2 minutes", TooManyRequests.duration(61));
        assertEquals("15 minutes", TooManyRequests.duration(900));
    }
}
