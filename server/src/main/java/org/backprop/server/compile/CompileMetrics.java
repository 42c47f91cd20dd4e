package org.backprop.server.compile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Compile latency, {@code backprop_compile_seconds{source, outcome}}: {@code source} is "editor" (the compile
 * endpoint, cache hits included) or "grading" (a submission's sources in the pipeline); {@code outcome} is
 * "succeeded", "failed" (compile errors), "unavailable" (no compiler free) or "error" (a fault on the server's side).
 */
@ApplicationScoped
public class CompileMetrics {
    public static final String EDITOR = "editor";
    public static final String GRADING = "grading";
    static final String UNAVAILABLE = "unavailable";

    @Inject
    MeterRegistry registry;

    /** Counts one compile that took {@code took}. */
    public void record(String source, String outcome, Duration took) {
        Timer.builder("backprop.compile").description("How long compiles took, from request to answer")
                .tag("source", source).tag("outcome", outcome).publishPercentileHistogram().register(registry)
                .record(took);
    }
}
