package org.backprop.server.ratelimit;

import java.time.Duration;

/** At most {@code events} events in any {@code window}. */
public record RateLimit(int events, Duration window) {
    public RateLimit {
        if (events < 1) {
            throw new IllegalArgumentException("events must be at least 1, got " + events);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
    }
}
