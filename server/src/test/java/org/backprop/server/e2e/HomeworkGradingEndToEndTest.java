package org.backprop.server.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.backprop.grader.check.CheckCatalogue;
import org.backprop.grader.check.CheckSpec;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.RunPlan;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.grader.worker.wire.JobDataset;
import org.backprop.server.account.Account;
import org.backprop.server.assignment.AssignmentFolder;
import org.backprop.server.assignment.ReferenceSolution;
import org.backprop.server.dataset.DatasetService;
import org.backprop.server.dataset.DatasetStore;
import org.backprop.server.demo.DemoHomeworkDatasets;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.grading.GradingConfig;
import org.backprop.server.grading.GradingInputs;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The real homework ({@code assignments/hw-convnets}, its datasets rewritten to the demo's two as the demo does)
 * graded through the real queue, the real compile service and the real sandbox. Three students form a team and run
 * the reference solution (its {@code reference/} files laid over the starter): the grader's sandbox stands in for
 * their browsers, which run the same compiled program on the same runtime, and each member sends some of its run
 * records to the team's experiment log through the API. The team submits the sources, the report and the runs:
 * every automatic item must pass, none "set up wrongly". Then a forged submission — a hello-world program handing in
 * those same records — must fail every item that depends on runs.
 */
@QuarkusTest
@TestProfile(HomeworkGradingEndToEndTest.WholeStudy.class)
class HomeworkGradingEndToEndTest {
    private static final String HOMEWORK = "hw-convnets";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GRADING = Duration.ofMinutes(12);
    /** Distinct names, so that the report check's "every member named" and "every member ran" mean something. */
    private static final List<String> MEMBERS = List.of("Kim Minji", "Lee Junho", "Park Sora");

    /** Turns the in-process worker on, with time for the whole study: ten fits on SwiftShader take minutes. */
    public static class WholeStudy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backprop.grading.in-process.enabled", "true",
                    "backprop.grading.in-process.poll-interval", "200ms",
                    "backprop.grading.limits.wall-time", "10m");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    DatasetService datasets;

    @Inject
    DatasetStore datasetStore;

    @Inject
    CompileService compiler;

    @Inject
    NodeSandbox sandbox;

    @Inject
    GradingInputs inputs;

    @Inject
    GradingConfig config;

    @Inject
    AssignmentFolder folders;

    @ConfigProperty(name = "backprop.demo.mnist-digits-dir")
    Path mnistDigits;

    @Test
    void theReferenceSolutionPassesEveryAutomaticItemAndAForgedHelloWorldFailsEveryItemThatDependsOnRuns()
            throws IOException {
        Fixtures.Cohort course = fixtures.cohort(3);
        name(course, MEMBERS);
        // 12×12 (the instructor's choice at import) so that the whole study runs in minutes on SwiftShader.
        DemoDatasetsForTests.importInto(datasets, course, mnistDigits, 2600, 200, 12);
        Map<String, String> folder = folders.read(HOMEWORK);
        long teamSet = teamSet(course);
        long assignment = publish(course, folder);
        formTeam(course, teamSet);

        Map<String, String> sources = ReferenceSolution.sources(folder, List.of("hidden/SavedModelTest.java"));
        List<Long> runs = runAndLog(course, assignment, sources);
        String report = folder.get(ReferenceSolution.FOLDER + "report.md") + String.join(", ", MEMBERS)
                + " each ran part of the study.\n";
        JsonPath reference = GradingResults.await(fixtures, submit(course, assignment, sources, report, runs),
                course.instructor(), GRADING);
        keep("reference", reference);
        Map<String, String> checks = checksOf(course, assignment);
        for (Map<String, Object> item : reference.<Map<String, Object>>getList("items")) {
            String message = (String) item.get("message");
            assertFalse(message.contains("set up wrongly"), item::toString);
            CheckSpec check = CheckCatalogue.spec(checks.get((String) item.get("key"))).orElseThrow();
            if (check.automatic().isPresent()) {
                assertEquals("PASSED", item.get("verdict"), () -> item + "\n" + reference.getString("logs"));
            }
        }

        Map<String, String> hello = Map.of("Main.java", "public class Main { public static void main(String[] args)"
                + " { System.out.println(\"hi\"); } }");
        JsonPath forged = GradingResults.await(fixtures, submit(course, assignment, hello, report, runs),
                course.instructor(), GRADING);
        keep("forged", forged);
        Map<String, String> verdicts = forged.<Map<String, Object>>getList("items").stream().collect(
                Collectors.toMap(item -> (String) item.get("key"), item -> (String) item.get("verdict")));
        for (String key : List.of("augmentation", "modern-convnet", "ablation", "curves", "metrics-reproduce")) {
            assertEquals("FAILED", verdicts.get(key), () -> key + ": " + forged.prettify());
        }
        assertEquals("PARTIAL", verdicts.get("team-report"), forged::prettify);
        assertTrue(forged.getString("items.find { it.key == 'team-report' }.message").contains("a handed-in run by Lee"
                + " Junho (the submitted code must produce it)"), forged::prettify);
        assertTrue(forged.getString("items.find { it.key == 'ablation' }.message")
                .contains("not produced by the submitted code") || forged.getString(
                        "items.find { it.key == 'ablation' }.message").contains("No handed-in run is a baseline"),
                forged::prettify);
    }

    /** Keeps a result and its staff log under target/homework-grading/ (the grading-turnaround benchmark reads it). */
    private static void keep(String name, JsonPath result) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "homework-grading"));
        Files.writeString(folder.resolve(name + ".json"), result.prettify());
        Files.writeString(folder.resolve(name + ".log"), result.getString("logs"));
    }

    /** The team set the homework names, created as the instructor would before importing. */
    private long teamSet(Fixtures.Cohort course) {
        return given().auth().oauth2(course.instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Homework teams", "minSize", 3, "maxSize", 4, "selectionClosesAt",
                        Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/courses/" + course.id() + "/team-sets").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private long publish(Fixtures.Cohort course, Map<String, String> folder) {
        return given().auth().oauth2(course.instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("id", HOMEWORK, "files", DemoHomeworkDatasets.rewrite(folder)))
                .post("/api/courses/" + course.id() + "/assignments/import").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    private static void formTeam(Fixtures.Cohort course, long teamSet) {
        long team = given().auth().oauth2(course.students().get(0).token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Team reference")).post("/api/team-sets/" + teamSet + "/teams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        for (Fixtures.User student : course.students().subList(1, 3)) {
            given().auth().oauth2(student.token()).post("/api/team-sets/" + teamSet + "/teams/" + team + "/join")
                    .then().statusCode(200);
        }
    }

    /**
     * Runs the reference in the sandbox on the assignment's datasets, every run trained, and sends its run records
     * to the experiment log, each member some; returns the log's ids.
     */
    private List<Long> runAndLog(Fixtures.Cohort course, long assignment, Map<String, String> sources)
            throws IOException {
        SourceBundle bundle = new SourceBundle("Main", sources);
        CompileResult compiled = compiler.compile(bundle);
        assertTrue(compiled.succeeded(), compiled.diagnostics()::toString);
        RunDatasets runDatasets = new RunDatasets(inputs.datasets(assignment).stream().map(JobDataset::toManifest)
                .toList(), datasetStore::shard);
        RunResult run = sandbox.run(compiled.js(), config.limits().view().toRunLimits(), runDatasets,
                RunPlan.ALL);
        assertEquals(RunResult.Status.COMPLETED, run.status(), run::toString);
        assertEquals(10, run.runRecords().size(), "on each of 2 datasets the study: the baseline, which is the final"
                + " model, and 4 variants");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < run.runRecords().size(); i++) {
            Fixtures.User member = course.students().get(i % 3);
            Map<String, Object> body = new HashMap<>();
            body.put("sourceSha256", bundle.sha256());
            body.put("record", JSON.readTree(run.runRecords().get(i)));
            ids.add(given().auth().oauth2(member.token()).contentType(ContentType.JSON)
                    .body(JSON.writeValueAsString(body)).post("/api/assignments/" + assignment + "/runs").then()
                    .statusCode(201).extract().jsonPath().getLong("id"));
        }
        return ids;
    }

    private static long submit(Fixtures.Cohort course, long assignment, Map<String, String> sources, String report,
            List<Long> runs) {
        RequestSpecification request = given().auth().oauth2(course.students().get(0).token());
        sources.forEach((path, text) -> request.multiPart("source", path, text.getBytes(StandardCharsets.UTF_8),
                "text/plain"));
        runs.forEach(run -> request.multiPart("run", String.valueOf(run)));
        return request.multiPart("report", "report.md", report.getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post("/api/assignments/" + assignment + "/submissions").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }


    /** Gives the course's students the display names {@code names}, in order. */
    private void name(Fixtures.Cohort course, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            long id = course.students().get(i).id();
            String name = names.get(i);
            fixtures.inTransaction(() -> {
                Account.<Account>findById(id).displayName = name;
                return null;
            });
        }
    }

    /** Returns each rubric item's check, as the server published the assignment. */
    private static Map<String, String> checksOf(Fixtures.Cohort course, long assignment) {
        List<Map<String, Object>> rubric = given().auth().oauth2(course.instructor().token())
                .get("/api/assignments/" + assignment).then().statusCode(200).extract().jsonPath().getList("rubric");
        return rubric.stream().collect(Collectors.toMap(item -> (String) item.get("id"),
                item -> (String) item.get("check")));
    }
}
