package org.backprop.server.grading;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.backprop.grader.pipeline.StageListener;
import org.backprop.server.compile.CompileMetrics;

/**
 * The grading metrics this replica measures (docs/scale.md): {@code backprop_grading_stage_seconds{stage}} for the
 * queue wait ("queue", until the first lease), each stage of the pipeline this server runs, and the whole job
 * ("job", from lease to stored result, whichever worker graded it); grading compiles in
 * {@code backprop_compile_seconds}; and {@code backprop_grading_lease_expiries_total}.
 */
@ApplicationScoped
public class GradingMetrics implements StageListener {
    static final String STAGE_TIMER = "backprop.grading.stage";

    @Inject
    MeterRegistry registry;

    @Inject
    CompileMetrics compiles;

    @Override
    public void stageEnded(String stage, Duration took) {
        Timer.builder(STAGE_TIMER).description("How long grading jobs spent in each stage")
                .tag("stage", stage).publishPercentileHistogram().register(registry).record(took);
    }

    @Override
    public void compiled(String outcome, Duration took) {
        compiles.record(CompileMetrics.GRADING, outcome, took);
    }

    /** A job waited {@code took} in the queue before its first lease. */
    void queueWaited(Duration took) {
        stageEnded("queue", took);
    }

    /** A job's result was stored {@code took} after the lease that produced it began. */
    void jobGraded(Duration took) {
        stageEnded("job", took);
    }

    /** A lease expired: its worker stopped answering. */
    void leaseExpired() {
        Counter.builder("backprop.grading.lease.expiries").description("Leases that expired before their worker"
                + " posted a result or a failure").register(registry).increment();
    }
}
