package org.backprop.nn.internal;

import java.util.function.LongSupplier;

/**
 * Paces a {@link RunObserver}'s batch reports: at most one per {@link #INTERVAL_MS}, since each costs the fit a wait
 * for the device. {@link #due} says yes once an interval has passed since the last yes or {@link #restart}, which an
 * observer calls when news arrives: a fit started, an epoch ended (an epoch shorter than the interval then gets no
 * batch report at all), and a batch report came, for its readback waited on every step queued before it and may
 * itself have taken longer than an interval.
 */
public final class ProgressThrottle {
    /** The least time between two batch reports: four a second at most. */
    public static final long INTERVAL_MS = 250;

    private final LongSupplier clockMs;
    private long last;

    /** Paces by {@code clockMs}, a clock in milliseconds ({@code System::currentTimeMillis}); starts an interval. */
    public ProgressThrottle(LongSupplier clockMs) {
        this.clockMs = clockMs;
        this.last = clockMs.getAsLong();
    }

    /** Starts a new interval now. */
    public void restart() {
        last = clockMs.getAsLong();
    }

    /** Returns whether an interval has passed since the last yes or restart; a yes starts the next interval. */
    public boolean due() {
        long now = clockMs.getAsLong();
        if (now - last < INTERVAL_MS) {
            return false;
        }
        last = now;
        return true;
    }
}
