package org.backprop.server.grading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.result.Visibility;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Grading at scale on one machine: one server, standalone workers as separate processes, and a hundred identical
 * small jobs (one cheap check; identical sources, so each worker compiles once). The queue drains with exactly one
 * result per job while a worker is killed with SIGKILL in the middle of a job (its job is leased again once the short
 * lease of this profile expires; a new worker with the same token takes its place, as Kubernetes would restart the
 * pod) and another worker's token is revoked (it stops with exit status 3; its job too is leased again).
 * Restarting the server mid-run is not tested here: a Quarkus test cannot restart its own server.
 */
@QuarkusTest
@TestProfile(WorkerFaultsTest.ShortLeases.class)
class WorkerFaultsTest {
    private static final int JOBS = 100;
    private static final List<RubricItem> RUBRIC = List.of(new RubricItem("report", "The report has its results", 1,
            "report", Map.of("sections", List.of("Results")), Visibility.VISIBLE));

    /** Leases of 5 s (a heartbeat every second), so a dead worker's job comes back soon. */
    public static class ShortLeases implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backprop.grading.lease-duration", "5s", "backprop.grading.max-attempts", "5");
        }
    }

    @TestHTTPResource("/")
    URL server;

    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Test
    void threeWorkersDrainAHundredJobsThroughAKillAndARevocation() {
        Fixtures.Cohort course = fixtures.cohort(1);
        long team = grading.team(course, 1);
        long assignment = grading.assignment(RUBRIC);
        List<JsonPath> tokens = List.of(StandaloneWorkerTest.token(course), StandaloneWorkerTest.token(course),
                StandaloneWorkerTest.token(course));
        for (int i = 0; i < JOBS; i++) {
            grading.submit(assignment, team, new TestGradingInputs.Material(new SourceBundle("Main",
                    Map.of("Main.java", GradingFixtures.HELLO)), List.of(), "# Results\nHello."));
        }
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                workers.add(WorkerProcess.start("w" + (i + 1), base(), tokens.get(i).getString("token"), Map.of()));
            }
            WorkerProcess killed = workers.get(0);
            WorkerProcess revoked = workers.get(2);

            await("worker w1 to hold a job", () -> leasedBy(assignment, "gpu-node / w1") != null, killed);
            GradingJob victim = leasedBy(assignment, "gpu-node / w1");
            killed.kill();
            workers.add(WorkerProcess.start("w1-restarted", base(), tokens.get(0).getString("token"), Map.of()));

            await("a third of the jobs done", () -> done(assignment) >= JOBS / 3, revoked);
            given().auth().oauth2(course.instructor().token())
                    .delete("/api/worker-tokens/" + tokens.get(2).getLong("id")).then().statusCode(200);
            assertEquals(3, revoked.awaitExit(Duration.ofSeconds(60)), revoked.output());
            assertTrue(revoked.output().contains("The server refused this worker's token, so it stops"),
                    revoked.output());

            await("every job done", () -> done(assignment) == JOBS, workers.get(1));

            List<GradingAttempt> victimAttempts = attempts(victim.id);
            assertEquals(AttemptOutcome.EXPIRED, victimAttempts.get(0).outcome, "the killed worker's lease expired");
            assertEquals("gpu-node / w1", victimAttempts.get(0).owner);
            assertEquals(AttemptOutcome.RESULT, victimAttempts.get(victimAttempts.size() - 1).outcome,
                    "another lease graded the killed worker's job");
        } finally {
            workers.forEach(WorkerProcess::close);
        }
        List<Long> jobs = fixtures.inTransaction(() -> GradingJob.<GradingJob>list("assignmentId", assignment)
                .stream().map(job -> job.id).toList());
        assertEquals(JOBS, jobs.size());
        for (long job : jobs) {
            long results = fixtures.inTransaction(() -> GradingAttempt.count("jobId = ?1 and outcome = ?2", job,
                    AttemptOutcome.RESULT));
            assertEquals(1, results, "results of job " + job);
            assertTrue(fixtures.inTransaction(() -> GradingResult.forJob(job).isPresent()), "job " + job + " result");
        }
    }

    private long done(long assignment) {
        return fixtures.inTransaction(() -> GradingJob.count("assignmentId = ?1 and state = ?2", assignment,
                JobState.DONE));
    }

    private GradingJob leasedBy(long assignment, String owner) {
        return fixtures.inTransaction(() -> GradingJob.<GradingJob>find("assignmentId = ?1 and state = ?2"
                + " and leaseOwner = ?3", assignment, JobState.LEASED, owner).firstResult());
    }

    private List<GradingAttempt> attempts(long job) {
        return fixtures.inTransaction(() -> GradingAttempt.<GradingAttempt>list("jobId = ?1 order by attempt", job));
    }

    private String base() {
        String url = server.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Waits up to four minutes for {@code condition}; fails with {@code worker}'s output. */
    private static void await(String what, BooleanSupplier condition, WorkerProcess worker) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "waited 4 minutes for " + what + "; a worker's output:\n"
                    + worker.output());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
