package org.backprop.server.grading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.worker.GradingLoop;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.TinyDataset;
import org.junit.jupiter.api.Test;

/**
 * The standalone worker as operators run it: a separate OS process with a worker token made through the API, grading
 * over the worker API while the server's own worker is off (the test profile's default). It fetches the assignment's
 * shards, hidden split included, into its cache by hash; stops with exit status 3 when its token is revoked; and on
 * SIGTERM gives back the job it could not finish within its grace period and exits 0.
 */
@QuarkusTest
class StandaloneWorkerTest {
    /** Runs until the wall-time limit: a job that is surely still running when the worker is stopped. */
    private static final String FOREVER = "public class Main { public static void main(String[] args) {"
            + " long x = 0; while (x >= 0) { x++; } System.out.println(x); } }";

    @TestHTTPResource("/")
    URL server;

    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Test
    void gradesASubmissionWithTheCoursesDatasetsAndStopsWhenItsTokenIsRevoked() {
        Fixtures.Cohort course = fixtures.cohort(1);
        given().auth().oauth2(course.instructor().token()).contentType(TinyDataset.CONTENT_TYPE)
                .body(TinyDataset.upload("rps").getBytes(StandardCharsets.UTF_8))
                .post("/api/courses/" + course.id() + "/datasets").then().statusCode(201);
        JsonPath manifest = given().auth().oauth2(course.instructor().token())
                .get("/api/courses/" + course.id() + "/datasets/rps/1/manifest").then().statusCode(200)
                .extract().jsonPath();
        String trainShard = manifest.getString("splits.find { it.name == 'train' }.shards[0].sha256");
        String hiddenShard = manifest.getString("splits.find { it.name == 'test' }.shards[0].sha256");
        Homework homework = Homework.publish(course, "2099-12-14T23:59", 1);
        JsonPath token = token(course);

        try (WorkerProcess worker = WorkerProcess.start("e2e", base(), token.getString("token"), Map.of())) {
            long submission = homework.submit(course.students().get(0), "# Report").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            GradingJob job = await(submission, state -> state == JobState.DONE, worker);

            JsonPath result = given().auth().oauth2(course.instructor().token())
                    .get("/api/grading/jobs/" + job.id + "/result").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("augmentation", "insight"), result.getList("items.key"));
            assertEquals("NEEDS_REVIEW", result.getString("items[1].verdict"));
            assertTrue(result.getString("summary").startsWith("Your program compiled. Your program ran to the end."),
                    result.getString("summary"));
            assertTrue(result.getString("logs").contains("stdout:\nhello\n"), result.getString("logs"));
            String owner = fixtures.inTransaction(() -> GradingAttempt.<GradingAttempt>find("jobId", job.id)
                    .firstResult().owner);
            assertEquals("gpu-node / e2e", owner);
            for (String shard : List.of(trainShard, hiddenShard)) {
                Path cached = worker.cache().resolve(shard.substring(0, 2)).resolve(shard);
                assertTrue(Files.isRegularFile(cached), () -> "shard " + shard + " is not in the worker's cache:\n"
                        + worker.output());
            }

            given().auth().oauth2(course.instructor().token()).delete("/api/worker-tokens/" + token.getLong("id"))
                    .then().statusCode(200);
            assertEquals(3, worker.awaitExit(Duration.ofSeconds(60)), worker.output());
            assertTrue(worker.output().contains("The server refused this worker's token, so it stops"),
                    worker.output());
        }
    }

    @Test
    void sigtermGivesBackTheJobItCannotFinishAndExitsZero() {
        Fixtures.Cohort course = fixtures.cohort(1);
        long team = grading.team(course, 1);
        long assignment = grading.assignment(GradingFixtures.RUBRIC);
        JsonPath token = token(course);
        try (WorkerProcess worker = WorkerProcess.start("stopping", base(), token.getString("token"),
                Map.of("BACKPROP_WORKER_GRACE", "1s"))) {
            long submission = grading.submit(assignment, team, new TestGradingInputs.Material(
                    new SourceBundle("Main", Map.of("Main.java", FOREVER)), List.of(), "# Results"));
            await(submission, state -> state == JobState.LEASED, worker);
            awaitOutput(worker, "Grading job");

            worker.terminate();
            assertEquals(0, worker.awaitExit(Duration.ofSeconds(60)), worker.output());
            GradingJob job = fixtures.inTransaction(() -> GradingJob.<GradingJob>find("submissionId", submission)
                    .firstResult());
            assertEquals(JobState.QUEUED, job.state, "the job went back to the queue at once");
            assertEquals(GradingLoop.GIVEN_BACK, job.lastError);
        } finally {
            // Nothing else may lease the endless program: fail it for good with the course's token.
            Response lease = given().auth().oauth2(token.getString("token")).post("/api/worker/leases");
            if (lease.statusCode() == 201) {
                given().auth().oauth2(token.getString("token")).contentType(ContentType.JSON)
                        .body(Map.of("message", "Stopped by the test.", "retry", false))
                        .post("/api/worker/leases/" + lease.jsonPath().getString("leaseId") + "/failure").then()
                        .statusCode(200);
            }
        }
    }

    private String base() {
        String url = server.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Creates a worker token of the course through the API; returns its id and secret. */
    static JsonPath token(Fixtures.Cohort course) {
        return given().auth().oauth2(course.instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("name", "gpu-node", "courseId", course.id())).post("/api/worker-tokens").then()
                .statusCode(201).extract().jsonPath();
    }

    /** Waits for the submission's job to reach a state {@code wanted} accepts; fails with the worker's output. */
    private GradingJob await(long submission, Predicate<JobState> wanted, WorkerProcess worker) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            GradingJob job = fixtures.inTransaction(() -> GradingJob.<GradingJob>find("submissionId", submission)
                    .firstResult());
            if (job != null && wanted.test(job.state)) {
                return job;
            }
            assertTrue(job == null || job.state != JobState.FAILED, () -> "job failed: " + job.lastError + "\n"
                    + worker.output());
            assertTrue(System.nanoTime() < deadline, () -> "job still " + (job == null ? "missing" : job.state)
                    + " after 4 minutes:\n" + worker.output());
            pause();
        }
    }

    private static void awaitOutput(WorkerProcess worker, String text) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!worker.output().contains(text)) {
            assertTrue(System.nanoTime() < deadline, () -> "the worker never printed \"" + text + "\":\n"
                    + worker.output());
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
