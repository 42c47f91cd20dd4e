package org.backprop.server.grading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.pipeline.ClaimedRun;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.result.Visibility;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The server's own worker end to end: a submission event queues a job, the worker leases it, compiles the
 * program with javac and TeaVM, runs it in Node with Dawn, checks the run records and report, and stores the
 * result, which staff then read over HTTP.
 */
@QuarkusTest
@TestProfile(InProcessWorkerTest.WorkerOn.class)
class InProcessWorkerTest {
    private static final String PROGRAM = String.join("\n",
            "import org.backprop.nn.Input;",
            "import org.backprop.nn.Tensor;",
            "import org.backprop.nn.layers.Dense;",
            "import org.backprop.nn.models.FitOptions;",
            "import org.backprop.nn.models.History;",
            "import org.backprop.nn.models.Sequential;",
            "import org.backprop.nn.random.RandomSeed;",
            "public class Main {",
            "  public static void main(String[] args) {",
            "    RandomSeed.set(3);",
            "    Sequential model = new Sequential(Input.shape(2), new Dense(4, \"relu\"), new Dense(1, \"sigmoid\"));",
            "    model.compile(\"adam\", \"binary_crossentropy\", \"accuracy\");",
            "    History history = model.fit(Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}),",
            "        Tensor.of(new float[][] {{0}, {1}, {1}, {0}}), FitOptions.epochs(3).validationSplit(0.25).verbose(0)",
            "            .runName(\"xor\").tags(\"baseline\"));",
            "    System.out.println(\"trained \" + history.epochs() + \" epochs\");",
            "  }",
            "}");
    private static final List<RubricItem> RUBRIC = List.of(
            new RubricItem("curves", "Loss and accuracy curves", 2, "curves", Map.of(), Visibility.VISIBLE),
            new RubricItem("report", "The report", 2, "report", Map.of("sections", List.of("Results")),
                    Visibility.VISIBLE),
            new RubricItem("architecture", "Modern convnet elements", 3, "architecture", Map.of(), Visibility.VISIBLE),
            new RubricItem("insight", "Discussion", 5, "manual", Map.of(), Visibility.AFTER_DUE));

    /** Turns the in-process worker on, polling often, with a short run limit. */
    public static class WorkerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backprop.grading.in-process.enabled", "true",
                    "backprop.grading.in-process.workers", "1",
                    "backprop.grading.in-process.poll-interval", "200ms",
                    "backprop.grading.limits.wall-time", "60s");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Test
    void gradesASubmissionFromEventToStoredResult() {
        Fixtures.Cohort cohort = fixtures.cohort(2);
        long team = grading.team(cohort, 2);
        long assignment = grading.assignment(RUBRIC);
        long good = grading.submit(assignment, team, new TestGradingInputs.Material(
                new SourceBundle("Main", Map.of("Main.java", PROGRAM)), List.of(claim(cohort.students().get(0))),
                "# Team report\nBy Test student and Test student.\n## Results\nXOR learnt."));
        long broken = grading.submit(assignment, team, new TestGradingInputs.Material(
                new SourceBundle("Main", Map.of("Main.java", "public class Main { int x = }")), List.of(claim(cohort.students().get(0))),
                "# Results"));

        JsonPath result = resultOf(good, cohort);
        assertEquals(List.of("curves", "report", "architecture", "insight"), result.getList("items.key"));
        assertEquals(List.of("PASSED", "PASSED", "FAILED", "NEEDS_REVIEW"), result.getList("items.verdict"));
        assertEquals(List.of(2.0f, 2.0f, 0.0f), result.getList("items.points").subList(0, 3));
        assertNull(result.get("items[3].points"));
        assertEquals("AFTER_DUE", result.getString("items[3].visibility"));
        assertEquals("Your program compiled. Your program ran to the end. Automatic checks: 4 of 7 points; 1 item"
                + " waits for a TA.", result.getString("summary"));
        assertTrue(result.getString("logs").contains("stdout:\ntrained 3 epochs\n"), result.getString("logs"));

        JsonPath failed = resultOf(broken, cohort);
        // Items judged on the server's run fail with the compile error; the report is judged on its own.
        assertEquals(List.of("FAILED", "PARTIAL", "FAILED", "NEEDS_REVIEW"), failed.getList("items.verdict"));
        assertTrue(failed.getString("items[0].message").startsWith("Your program did not compile on the server:"
                + " Main.java:1: "), failed.getString("items[0].message"));
        assertTrue(failed.getString("summary").startsWith("Your program did not compile on the server: Main.java:1: "),
                failed.getString("summary"));
    }

    /**
     * The XOR run as {@code member} hands it in: the same code run on the JVM, so the server's re-run in the sandbox
     * produces it (same model graph, seed and data).
     */
    private static ClaimedRun claim(Fixtures.User member) {
        return new ClaimedRun(runRecord(), new Member(member.id(), member.name()), null);
    }

    private static String runRecord() {
        RandomSeed.set(3);
        Sequential model = new Sequential(Input.shape(2), new Dense(4, "relu"), new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        return RunRecordJson.write(model.fit(Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}),
                Tensor.of(new float[][] {{0}, {1}, {1}, {0}}), FitOptions.epochs(3).validationSplit(0.25).verbose(0)
                        .runName("xor").tags("baseline")).runRecord());
    }

    /** Waits for the submission's job to finish and returns its result as staff read it. */
    private JsonPath resultOf(long submission, Fixtures.Cohort cohort) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            GradingJob job = fixtures.inTransaction(() -> GradingJob.<GradingJob>find("submissionId", submission)
                    .firstResult());
            if (job.state == JobState.DONE) {
                return given().auth().oauth2(cohort.instructor().token()).get("/api/grading/jobs/" + job.id + "/result")
                        .then().statusCode(200).extract().jsonPath();
            }
            assertTrue(job.state != JobState.FAILED, () -> "job " + job.id + " failed: " + job.lastError);
            assertTrue(System.nanoTime() < deadline, () -> "job " + job.id + " still " + job.state + " after 4 minutes");
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
