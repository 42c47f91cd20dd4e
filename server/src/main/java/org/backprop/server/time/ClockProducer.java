package org.backprop.server.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Makes the clock a bean, so that everything that depends on the time (deadlines, selection windows, rate
 * limits, link expiry) asks it rather than the system, and tests can pin the instant to the second.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
