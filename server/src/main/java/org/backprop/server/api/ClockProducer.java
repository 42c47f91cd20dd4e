package org.backprop.server.api;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Makes the clock that decides deadlines injectable, so that tests can pin it to the second. A default
 * bean: any other producer (a test's pinned clock) replaces it without ambiguity.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
