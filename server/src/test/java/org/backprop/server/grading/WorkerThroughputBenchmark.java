package org.backprop.server.grading;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.result.Visibility;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (its name keeps it out of the suite; {@code bench/worker-throughput.sh} runs it): jobs per
 * hour with 1, 2 and 3 standalone worker processes against one server on this machine, on the small fixed job of
 * {@link WorkerFaultsTest} (hello world, one report check). Each round warms its workers up with one job each (the
 * first compile of a worker is not cached), then times {@value #JOBS} queued jobs from the first submission to the
 * last result, and prints one line per round.
 */
@QuarkusTest
class WorkerThroughputBenchmark {
    private static final int JOBS = 40;
    private static final List<RubricItem> RUBRIC = List.of(new RubricItem("report", "The report has its results", 1,
            "report", Map.of("sections", List.of("Results")), Visibility.VISIBLE));

    @TestHTTPResource("/")
    URL server;

    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Test
    void jobsPerHourWithOneTwoAndThreeWorkers() {
        List<String> lines = new ArrayList<>();
        for (int workers = 1; workers <= 3; workers++) {
            lines.add(round(workers));
            System.out.println(lines.get(lines.size() - 1));
        }
        System.out.println("| workers | jobs | wall time | jobs per hour |\n|---|---|---|---|\n"
                + String.join("\n", lines));
    }

    private String round(int count) {
        Fixtures.Cohort course = fixtures.cohort(1);
        long team = grading.team(course, 1);
        long assignment = grading.assignment(RUBRIC);
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                workers.add(WorkerProcess.start("bench" + i, base(), StandaloneWorkerTest.token(course)
                        .getString("token"), Map.of()));
            }
            for (int i = 0; i < count; i++) {
                submit(assignment, team);
            }
            awaitDone(assignment, count);
            long started = System.nanoTime();
            for (int i = 0; i < JOBS; i++) {
                submit(assignment, team);
            }
            awaitDone(assignment, count + JOBS);
            double seconds = (System.nanoTime() - started) / 1e9;
            return String.format(Locale.ROOT, "| %d | %d | %.1f s | %.0f |", count, JOBS, seconds,
                    JOBS / seconds * 3600);
        } finally {
            workers.forEach(WorkerProcess::close);
        }
    }

    private void submit(long assignment, long team) {
        grading.submit(assignment, team, new TestGradingInputs.Material(new SourceBundle("Main",
                Map.of("Main.java", GradingFixtures.HELLO)), List.of(), "# Results\nHello."));
    }

    private void awaitDone(long assignment, long jobs) {
        while (fixtures.inTransaction(() -> GradingJob.count("assignmentId = ?1 and state = ?2", assignment,
                JobState.DONE)) < jobs) {
            if (fixtures.inTransaction(() -> GradingJob.count("assignmentId = ?1 and state = ?2", assignment,
                    JobState.FAILED)) > 0) {
                throw new IllegalStateException("A job failed; the figures would mean nothing");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String base() {
        String url = server.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
