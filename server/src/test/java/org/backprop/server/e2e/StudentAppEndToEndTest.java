package org.backprop.server.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.server.account.Account;
import org.backprop.server.assignment.AssignmentFolder;
import org.backprop.server.course.CourseRole;
import org.backprop.server.dataset.DatasetService;
import org.backprop.server.demo.DemoHomeworkDatasets;
import org.backprop.server.experiment.ExperimentRun;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.submission.Submission;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The student's web app end to end: the real app in headless Chromium (WebGPU on SwiftShader), the real server and
 * PostgreSQL, the real homework ({@code assignments/hw-convnets}, datasets at 12×12), the real compile service, and the
 * real grader re-running the team's submission in its sandbox. Three students join with the course's code and form a
 * team; one breaks and fixes {@code model/ConvNet.java}, runs the study and watches the charts grow; a teammate reads
 * the runs and causes a conflicting save; the report embeds the runs; the team submits; after grading and publishing
 * the student reads the feedback, asks for a regrade and switches to Korean. {@code src/test/e2e/student.e2e.mjs}
 * drives the browser in two phases and reports what it saw as JSON; screenshots of every screen go to
 * {@code target/e2e/student-*.png}.
 */
@QuarkusTest
@TestProfile(StudentAppEndToEndTest.WithGrader.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentAppEndToEndTest {
    private static final String HOMEWORK = "hw-convnets";
    private static final List<String> MEMBERS = List.of("Kim Minji", "Lee Junho", "Park Sora");
    private static final Duration GRADING = Duration.ofMinutes(10);
    /** Validation accuracy of a guess among the datasets' ten classes. */
    private static final double CHANCE = 0.1;

    /** The in-process worker grades the submission as the platform's single-machine default does. */
    public static class WithGrader implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backprop.grading.in-process.enabled", "true",
                    "backprop.grading.in-process.poll-interval", "200ms",
                    "backprop.grading.limits.wall-time", "8m");
        }
    }

    @TestHTTPResource("/")
    URL page;

    @Inject
    Fixtures fixtures;

    @Inject
    DatasetService datasets;

    @Inject
    AssignmentFolder folders;

    @ConfigProperty(name = "backprop.demo.mnist-digits-dir")
    Path mnistDigits;

    Fixtures.User instructor;

    List<Fixtures.User> students = new ArrayList<>();

    long courseId;

    long assignmentId;

    JsonNode team;

    JsonNode feedback;

    JsonNode learning;

    JsonPath graded;

    @BeforeAll
    void workThroughTheHomework() throws IOException, InterruptedException {
        courseId = fixtures.course("Deep Learning");
        instructor = fixtures.account("instructor");
        fixtures.enrol(courseId, instructor, CourseRole.INSTRUCTOR);
        for (String name : MEMBERS) {
            Fixtures.User student = fixtures.account("student");
            fixtures.inTransaction(() -> {
                Account.<Account>findById(student.id()).displayName = name;
                return null;
            });
            students.add(new Fixtures.User(student.id(), student.email(), name, student.token()));
        }
        DemoDatasetsForTests.importInto(datasets, new Fixtures.Cohort(courseId, instructor, null, List.of()),
                mnistDigits, 600, 100, 12);
        String joinCode = againstTheTestServer(() -> {
            given().auth().oauth2(instructor.token()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Homework teams", "minSize", 3, "maxSize", 4, "selectionClosesAt",
                            Instant.now().plus(Duration.ofDays(1)).toString()))
                    .post("/api/courses/" + courseId + "/team-sets").then().statusCode(201);
            assignmentId = given().auth().oauth2(instructor.token()).contentType(ContentType.JSON)
                    .body(Map.of("id", HOMEWORK, "files", DemoHomeworkDatasets.rewrite(folders.read(HOMEWORK))))
                    .post("/api/courses/" + courseId + "/assignments/import").then().statusCode(201).extract()
                    .jsonPath().getLong("id");
            return given().auth().oauth2(instructor.token()).get("/api/courses/" + courseId + "/join-code").then()
                    .statusCode(200).extract().jsonPath().getString("joinCode");
        });

        team = browse("team", joinCode);
        assertNull(team.get("failure"), () -> "the team's journey did not finish: " + team);
        long submission = fixtures.inTransaction(() -> Submission.<Submission>find("assignmentId", assignmentId)
                .firstResult().id);
        graded = againstTheTestServer(() -> GradingResults.await(fixtures, submission, instructor, GRADING));
        againstTheTestServer(() -> given().auth().oauth2(instructor.token())
                .post("/api/assignments/" + assignmentId + "/results/publication").then().statusCode(200));
        feedback = browse("feedback", joinCode);
        assertNull(feedback.get("failure"), () -> "the feedback journey did not finish: " + feedback);
        learning = browse("learning", joinCode);
        assertNull(learning.get("failure"), () -> "the learning journey did not finish: " + learning);
    }

    /** Runs one phase of the browser script and returns what it saw. */
    private JsonNode browse(String phase, String joinCode) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(phase, String.valueOf(assignmentId), joinCode,
                Fixtures.PASSWORD));
        students.forEach(student -> arguments.add(student.email()));
        return BrowserJourney.run("student.e2e.mjs", page, arguments, Duration.ofMinutes(15));
    }

    private <T> T againstTheTestServer(Supplier<T> calls) {
        return BrowserJourney.againstTheTestServer(page, calls);
    }

    @Test
    void threeStudentsJoinWithTheCodeAndFormATeamThreeWays() {
        assertTrue(team.get("emptyCourses").asText().contains("You are in no course yet"), team::toString);
        assertEquals("You joined Deep Learning.", team.get("joinA").get("joined").asText());
        assertEquals("Team Gradient Descenders created; you are its first member.",
                team.get("joinA").get("notice").asText());
        assertEquals("You are now in Gradient Descenders.", team.get("joinB").get("notice").asText());
        assertEquals("You are now in Gradient Descenders.", team.get("joinC").get("notice").asText());
        String members = team.get("joinC").get("team").asText();
        for (String name : MEMBERS) {
            assertTrue(members.contains(name), members);
        }
        JsonNode home = team.get("courseHome");
        assertTrue(home.get("countdown").asText().endsWith("left"), home::toString);
        assertTrue(home.get("timeline").asText().contains("80 %"), home::toString);
        assertTrue(home.get("team").asText().contains("Gradient Descenders in Homework teams"), home::toString);
    }

    @Test
    void theWorkspaceHoldsTheStarterAndMarksACompileErrorAtItsLineInItsFile() {
        assertEquals("[\"Main.java\",\"model/Components.java\",\"model/ConvNet.java\"]", team.get("files").toString());
        JsonNode error = team.get("compileError");
        assertEquals("1 compile error: see the marked line.", error.get("status").asText(), error::toString);
        assertEquals("model/ConvNet.java", error.get("file").asText());
        int line = team.get("brokenLine").asInt();
        assertTrue(line > 1, team::toString);
        assertEquals("[" + line + "]", error.get("markedLines").toString(), error::toString);
        assertTrue(error.get("output").asText().startsWith("model/ConvNet.java:" + line + ":"), error::toString);
    }

    @Test
    void theRunTrainsOnTheCoursesDatasetAndTheChartsGrowEpochByEpoch() {
        JsonNode run = team.get("run");
        assertTrue(team.get("trimmed").asBoolean(), team::toString);
        assertEquals("Finished.", run.get("status").asText(), run::toString);
        assertTrue(run.get("backend").asText().startsWith("Running on WebGPU ("), run::toString);
        List<String> epochs = new ArrayList<>();
        run.get("epochsSeen").forEach(entry -> epochs.add(entry.asText()));
        for (String step : List.of("fashion_mnist/baseline@1", "fashion_mnist/baseline@2", "fashion_mnist/baseline@3")) {
            assertTrue(epochs.contains(step), () -> step + " in " + epochs);
        }
        assertTrue(epochs.indexOf("fashion_mnist/baseline@1") < epochs.indexOf("fashion_mnist/baseline@3"),
                epochs::toString);
        assertTrue(run.get("charts").toString().contains("live-loss"), run::toString);
        assertTrue(run.get("charts").toString().contains("live-accuracy"), run::toString);
        assertTrue(run.get("stdout").asText().contains("fashion_mnist baseline: val_accuracy"), run::toString);
        assertEquals("", run.get("stderr").asText(), run::toString);
        assertTrue(team.get("afterReload").asBoolean(), "a reload keeps the saved files");
        assertTrue(run.get("savedModels").asText().contains("fashion_mnist.bpm"), run::toString);
        assertEquals("fashion_mnist.bpm", team.get("modelDownload").asText(), team::toString);
        long kept = fixtures.inTransaction(() -> ExperimentRun.count("assignmentId", assignmentId));
        assertEquals(2L, kept, "the baseline and the variant reached the team's experiment log");
    }

    @Test
    void aTeammateReadsTheRunsWithTheirCurvesAndTheAblationTable() {
        JsonNode experiments = team.get("experiments");
        assertEquals(2, experiments.get("rows").size(), experiments::toString);
        for (JsonNode row : experiments.get("rows")) {
            assertEquals(MEMBERS.get(0), row.get("member").asText(), experiments::toString);
        }
        assertTrue(experiments.get("curves").toString().contains("curve-loss"), experiments::toString);
        String ablation = experiments.get("ablation").asText();
        assertTrue(ablation.contains("fashion_mnist/no-residual") && ablation.contains("residual")
                && ablation.contains("Add"), ablation);
        assertTrue(experiments.get("details").asBoolean(), experiments::toString);
        assertEquals("[\"fashion_mnist.bpm\"]", experiments.get("weights").toString(),
                "the model saved after the baseline is kept with that run, for teammates to download");
    }

    @Test
    void aSaveOverATeammatesNewerRevisionShowsBothVersions() {
        assertTrue(team.get("teammateSave").asText().startsWith("Saved model/Components.java (revision 2)"),
                team::toString);
        JsonNode conflict = team.get("conflict");
        assertEquals("model/Components.java changed on the server", conflict.get("title").asText());
        assertTrue(conflict.get("theirs").asText().startsWith("// Tried a wider stem: no better."), conflict::toString);
        assertTrue(conflict.get("mine").asText().contains("// Dropout next?"), conflict::toString);
        assertTrue(conflict.get("notice").asText().startsWith("Lee Junho saved model/Components.java (revision 2)"),
                conflict::toString);
        assertTrue(team.get("afterTakingTheirs").asText().contains("// Tried a wider stem"), team::toString);
        assertFalse(team.get("afterTakingTheirs").asText().contains("// Dropout next?"), team::toString);
    }

    @Test
    void theReportEmbedsTheRunsAndNothingTheStudentWroteRuns() {
        JsonNode report = team.get("report");
        assertTrue(report.get("saved").asText().startsWith("Draft saved (revision "), report::toString);
        assertTrue(report.get("embeds").toString().contains("curve-loss"), report::toString);
        assertTrue(report.get("embeds").toString().contains("ablation-table"), report::toString);
        assertFalse(report.get("hacked").asBoolean(), "the report's markup must not run");
        assertEquals(0, report.get("scripts").asInt(), report::toString);
    }

    @Test
    void theTeamSubmitsAndReadsTheAcknowledgement() {
        assertEquals("A submission now gets 100 % of the points (until "
                + team.get("creditNow").asText().replaceAll(".*\\(until ", ""), team.get("creditNow").asText());
        assertTrue(team.get("confirm").asText().startsWith("Submit 3 files, 2 runs and the report for 100 % credit"),
                team::toString);
        JsonNode receipt = team.get("receipt");
        assertEquals("Submitted: version 1", receipt.get("title").asText());
        assertTrue(receipt.get("hash").asText().matches("[0-9a-f]{64}"), receipt::toString);
        assertEquals("100 % credit, on time", receipt.get("credit").asText());
        String stored = fixtures.inTransaction(() -> Submission.<Submission>find("assignmentId", assignmentId)
                .firstResult().contentHash);
        assertEquals(stored, receipt.get("hash").asText());
        long submission = fixtures.inTransaction(() -> Submission.<Submission>find("assignmentId", assignmentId)
                .firstResult().id);
        JsonPath files = given().auth().oauth2(instructor.token()).get("/api/submissions/" + submission).then()
                .statusCode(200).extract().jsonPath();
        assertTrue(files.getList("files.kind").contains("WEIGHTS"), "the saved model went in as the weights");
        assertEquals(2, files.getList("runs").size(), files::prettify);
        assertEquals("[]", team.get("pageErrors").toString());
    }

    @Test
    void afterGradingAndPublishingTheStudentReadsTheFeedbackAndAsksForARegrade() {
        // Before the due time the student sees the items graded VISIBLE, with the grader's own words; the others
        // (AFTER_DUE, HIDDEN) stay for staff.
        List<Map<String, Object>> visible = graded.<Map<String, Object>>getList("items").stream()
                .filter(item -> "VISIBLE".equals(item.get("visibility"))).toList();
        JsonNode shown = feedback.get("feedback").get("items");
        assertEquals(visible.size(), shown.size(), feedback::toString);
        for (JsonNode item : shown) {
            Map<String, Object> result = visible.stream().filter(i -> i.get("key").equals(item.get("key").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("not visible to students: " + item));
            assertEquals(result.get("message"), item.get("message").asText(), item::toString);
        }
        assertTrue(feedback.get("feedback").get("total").asText().contains("points"), feedback::toString);
        assertTrue(feedback.get("regrade").asText().startsWith("waiting for an answer: Our report names all three"),
                feedback::toString);
        assertEquals(1L, (long) given().auth().oauth2(instructor.token())
                .get("/api/courses/" + courseId + "/regrade-requests").then().statusCode(200).extract().jsonPath()
                .getInt("total"));
    }

    @Test
    void theEditorCompletesAndDocumentsTheLibrary() {
        assertTrue(feedback.get("completion").toString().contains("load"), feedback::toString);
        assertTrue(feedback.get("hover").asText().contains("org.backprop.nn.data"), feedback::toString);
    }

    @Test
    void theKoreanUiRendersAndIsKept() {
        JsonNode korean = feedback.get("korean");
        assertTrue(korean.get("tabs").asText().contains("작업 공간"), korean::toString);
        assertTrue(korean.get("tabs").asText().contains("피드백"), korean::toString);
        assertEquals("ko", korean.get("lang").asText());
        assertTrue(korean.get("workspace").asText().contains("컴파일"), korean::toString);
        assertEquals("실행", korean.get("kept").asText().trim());
        assertEquals("[]", feedback.get("pageErrors").toString());
    }

    @Test
    void theStartersBaselineLearnsOnBothDatasetsInTheBrowser() {
        assertTrue(learning.get("trimmed").asBoolean(), learning::toString);
        assertEquals("Finished.", learning.get("status").asText(), learning::toString);
        JsonNode midRun = learning.get("midRunKorean");
        assertEquals("실행 중…", midRun.get("status").asText(), "switching the language kept the run: " + midRun);
        assertTrue(midRun.get("printed").asInt() > 0, () -> "its output stayed: " + midRun);
        String printed = learning.get("stdout").asText();
        for (String dataset : List.of("fashion_mnist", "mnist")) {
            Matcher line = Pattern.compile("(?m)^" + dataset + " baseline: val_accuracy \\[(.*)\\]$").matcher(printed);
            assertTrue(line.find(), () -> dataset + "'s baseline did not report: " + printed);
            String[] epochs = line.group(1).split(", ");
            double last = Double.parseDouble(epochs[epochs.length - 1]);
            System.out.println("The starter's baseline in Chromium: " + dataset + " val_accuracy by epoch " + line.group(1));
            // Ten classes: guessing scores 0.1; twice that on 64 held-back images is learning, not luck.
            assertTrue(last >= 2 * CHANCE, () -> dataset + " reached val_accuracy " + last + ": " + printed);
        }
        assertEquals("[]", learning.get("pageErrors").toString());
    }
}
