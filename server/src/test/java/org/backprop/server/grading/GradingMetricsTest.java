package org.backprop.server.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.backprop.grader.check.CheckOutcome.Verdict;
import org.backprop.grader.result.Visibility;
import org.backprop.grader.worker.wire.ResultItemRequest;
import org.backprop.grader.worker.wire.ResultRequest;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Metrics;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The grading metrics at {@code /q/metrics}, with real values from a real queue in PostgreSQL. */
@QuarkusTest
class GradingMetricsTest {
    private static final Instant T0 = Instant.parse("2026-06-01T14:59:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final String DEPTH = "backprop_grading_queue_depth";
    private static final String OLDEST = "backprop_grading_queue_oldest_age_seconds";
    private static final String STAGE_COUNT = "backprop_grading_stage_seconds_count";
    private static final String STAGE_SUM = "backprop_grading_stage_seconds_sum";
    private static final String EXPIRIES = "backprop_grading_lease_expiries_total";

    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Inject
    GradingQueue queue;

    @Inject
    PinnedClock clock;

    @AfterEach
    void runTheClockAgain() {
        clock.release();
    }

    @Test
    void reportsEachCoursesQueueDepthAndOldestWaitFromTheDatabase() throws Exception {
        clock.pin(T0);
        Fixtures.Cohort cohort = fixtures.cohort(1);
        long team = grading.team(cohort, 1);
        long assignment = grading.assignment(GradingFixtures.RUBRIC);
        queue.enqueue(1, assignment, team, JobReason.SUBMISSION, null, 0);
        clock.advance(Duration.ofSeconds(30));
        queue.enqueue(2, assignment, team, JobReason.SUBMISSION, null, 0);
        clock.advance(Duration.ofSeconds(60));
        Map<String, String> course = Map.of("course", Long.toString(cohort.id()));

        assertEquals(2.0, Metrics.await(DEPTH, course, 2.0));
        assertEquals(90.0, Metrics.value(OLDEST, course), "the first job has waited 90 s");

        queue.lease(new LeaseHolder(null, "w", cohort.id())).orElseThrow();
        assertEquals(1.0, Metrics.await(DEPTH, course, 1.0));
        assertEquals(60.0, Metrics.value(OLDEST, course), "the second job has waited 60 s");

        queue.lease(new LeaseHolder(null, "w", cohort.id())).orElseThrow();
        assertEquals(0.0, Metrics.await(DEPTH, course, 0.0));
        assertEquals(0.0, Metrics.value(OLDEST, course), "nothing waits");
    }

    @Test
    void timesTheQueueWaitAndTheWholeJobAndCountsLeasesThatExpired() {
        clock.pin(T0);
        Fixtures.Cohort cohort = fixtures.cohort(1);
        LeaseHolder worker = new LeaseHolder(null, "w", cohort.id());
        queue.enqueue(1, grading.assignment(GradingFixtures.RUBRIC), grading.team(cohort, 1), JobReason.SUBMISSION,
                null, 0);
        Map<String, String> queued = Map.of("stage", "queue");
        Map<String, String> job = Map.of("stage", "job");
        double waits = Metrics.value(STAGE_COUNT, queued);
        double waited = Metrics.value(STAGE_SUM, queued);
        double jobs = Metrics.value(STAGE_COUNT, job);
        double jobSeconds = Metrics.value(STAGE_SUM, job);
        double expiries = Metrics.value(EXPIRIES, Map.of());

        clock.advance(Duration.ofSeconds(30));
        queue.lease(worker).orElseThrow();
        assertEquals(waits + 1, Metrics.value(STAGE_COUNT, queued));
        assertEquals(waited + 30, Metrics.value(STAGE_SUM, queued), 1e-9);

        clock.advance(LEASE);
        GradingQueue.Lease second = queue.lease(worker).orElseThrow();
        assertEquals(expiries + 1, Metrics.value(EXPIRIES, Map.of()), "the first lease expired");
        assertEquals(waits + 1, Metrics.value(STAGE_COUNT, queued), "a job waits in the queue once");

        clock.advance(Duration.ofSeconds(45));
        queue.complete(second.attempt().leaseId, worker, new ResultRequest("Graded.", List.of(
                new ResultItemRequest("report", Verdict.PASSED, new BigDecimal("2"), "Found.", Visibility.VISIBLE),
                new ResultItemRequest("heldout", Verdict.NEEDS_REVIEW, null, "A TA scores this item.",
                        Visibility.AFTER_DUE)), "log"));
        assertEquals(jobs + 1, Metrics.value(STAGE_COUNT, job));
        assertEquals(jobSeconds + 45, Metrics.value(STAGE_SUM, job), 1e-9);
    }
}
