package org.backprop.server.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.backprop.server.account.Account;
import org.backprop.server.experiment.Runs;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.grading.GradingFixtures;
import org.backprop.server.similarity.JavaHomework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The TA's review desk end to end: the real app in headless Chromium against the real server and PostgreSQL. Three
 * teams hand in a small Java homework (one its own network, one a copy of it with renamed variables and reordered
 * methods, one an honest network of its own); the first team's submission carries runs from its experiment log and a
 * report that embeds one, and a grading worker posts its result through the worker API, with a run whose claimed
 * accuracy the server did not reproduce. {@code src/test/e2e/review.e2e.mjs} drives the browser in two phases: the TA
 * works through the queue, reads the report and the evidence, scores and overrides (first without the comment the
 * server requires), and the instructor publishes; then the team's regrade request is answered and JPlag compares the
 * teams. Screenshots of every screen go to {@code target/e2e/review-*.png}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewDeskEndToEndTest {
    static final String REPRODUCE = "1 of 2 re-run handed-in runs reproduced within 0.02 of the claimed accuracy.\n"
            + "- run \"baseline\": reproduced, accuracy 0.7500 claimed, 0.7450 on the server.\n"
            + "- run \"no-aug\": differs: accuracy 0.7500 claimed after 2 epochs, 0.6100 on the server after 2; they"
            + " part in epoch 2 (0.7500 claimed, 0.6100 re-run).";
    static final String REPORT = """
            # Residual stacks

            Team: Kim Minji, Lee Junho.

            ## Curves

            {{run:baseline}}

            The validation accuracy stops improving after the second epoch.
            """;
    private static final List<String> NAMES = List.of("Kim Minji", "Lee Junho", "Park Sora", "Choi Yuna");

    @TestHTTPResource("/")
    URL page;

    @Inject
    Fixtures fixtures;

    Homework homework;

    long graded;

    JsonNode desk;

    JsonNode answers;

    @BeforeAll
    void reviewTheHomework() throws IOException, InterruptedException {
        Fixtures.Cohort cohort = fixtures.cohort(4);
        List<Fixtures.User> students = new ArrayList<>();
        for (int i = 0; i < cohort.students().size(); i++) {
            Fixtures.User student = cohort.students().get(i);
            String name = NAMES.get(i);
            fixtures.inTransaction(() -> {
                Account.<Account>findById(student.id()).displayName = name;
                return null;
            });
            students.add(new Fixtures.User(student.id(), student.email(), name, student.token()));
        }
        Fixtures.Cohort course = new Fixtures.Cohort(cohort.id(), cohort.instructor(), cohort.ta(), students);
        Map<String, String> folder = new HashMap<>(JavaHomework.folder("2099-12-14T23:59"));
        folder.put("assignment.yaml", folder.get("assignment.yaml") + "  - {id: reproduce, points: 10, description:"
                + " The server reproduces the claimed accuracy, check: reproduce, params: {metric: accuracy,"
                + " tolerance: 0.02}}\n");
        againstTheTestServer(() -> {
            homework = Homework.publish(course, folder, 2, 1, 1);
            long baseline = Runs.post(homework, students.get(0), Runs.body(null, Runs.record("baseline", 7,
                    "baseline"), Map.of())).then().statusCode(201).extract().jsonPath().getLong("id");
            long variant = Runs.post(homework, students.get(1), Runs.body(null, Runs.record("no-aug", 8,
                    "ablation:no-augmentation"), Map.of())).then().statusCode(201).extract().jsonPath().getLong("id");
            graded = Homework.as(students.get(0))
                    .multiPart("source", "Main.java", bytes(JavaHomework.STARTER_MAIN), "text/plain")
                    .multiPart("source", "model/Net.java", bytes(JavaHomework.ORIGINAL_NET), "text/plain")
                    .multiPart("report", "report.md", bytes(REPORT), "text/markdown")
                    .multiPart("run", String.valueOf(baseline)).multiPart("run", String.valueOf(variant))
                    .post(homework.submissionsPath()).then().statusCode(201).extract().jsonPath().getLong("id");
            JavaHomework.submit(homework, students.get(2), JavaHomework.COPIED_NET, "# Our network").then()
                    .statusCode(201);
            JavaHomework.submit(homework, students.get(3), JavaHomework.HONEST_NET, "# Blocks").then().statusCode(201);
            grade(GradingFixtures.workerToken(course.instructor(), course.id()));
            return null;
        });
        desk = browse("desk");
        assertNull(desk.get("failure"), () -> "the desk journey did not finish: " + desk);
        againstTheTestServer(() -> Homework.as(students.get(0)).contentType(ContentType.JSON)
                .body(Map.of("itemKey", "augmentation", "reason", "RandomZoom is on in training too: see Main.java."))
                .post("/api/submissions/" + graded + "/regrade-requests").then().statusCode(201));
        answers = browse("answers");
        assertNull(answers.get("failure"), () -> "the regrade and similarity journey did not finish: " + answers);
    }

    /** Leases the oldest job (the first team's) and posts what the grader found, as a remote worker does. */
    private void grade(String workerToken) {
        String lease = given().auth().oauth2(workerToken).post("/api/worker/leases").then().statusCode(201)
                .extract().path("leaseId");
        given().auth().oauth2(workerToken).contentType(ContentType.JSON)
                .body(Map.of("summary", "Compiled, re-ran 2 of 2 handed-in runs, checked 3 items.",
                        "logs", "prepare: 2 sources, 2 runs handed in\ncompile: ok (javac, policy, TeaVM)\nrun: 2 fits"
                                + " re-run\ncheck: augmentation, insight, reproduce",
                        "items", List.of(
                                item("augmentation", "PARTIAL", 6, "RandomFlip is active in training; RandomRotation"
                                        + " was built but is not applied to the model."),
                                item("insight", "NEEDS_REVIEW", null, "Read by a TA."),
                                item("reproduce", "PARTIAL", 5, REPRODUCE))))
                .post("/api/worker/leases/" + lease + "/result").then().statusCode(201);
    }

    private static Map<String, Object> item(String key, String verdict, Integer points, String message) {
        Map<String, Object> item = new HashMap<>(Map.of("key", key, "verdict", verdict, "message", message,
                "visibility", "VISIBLE"));
        item.put("points", points);
        return item;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs one phase of the browser script and returns what it saw. */
    private JsonNode browse(String phase) throws IOException, InterruptedException {
        Fixtures.Cohort course = homework.course();
        return BrowserJourney.run("review.e2e.mjs", page, List.of(phase, String.valueOf(course.id()),
                String.valueOf(homework.assignmentId()), String.valueOf(graded), Fixtures.PASSWORD,
                course.ta().email(), course.instructor().email(), course.students().get(0).email()),
                Duration.ofMinutes(5));
    }

    private <T> T againstTheTestServer(Supplier<T> calls) {
        return BrowserJourney.againstTheTestServer(page, calls);
    }

    private static String text(JsonNode seen, String field) {
        return seen.get(field) == null ? "" : seen.get(field).asText();
    }

    @Test
    void theAppRaisedNoErrors() {
        assertEquals("[]", desk.get("pageErrors").toString());
        assertEquals("[]", answers.get("pageErrors").toString());
    }

    @Test
    void theDeskSpeaksKorean() {
        assertTrue(text(answers, "korean").startsWith("검토 대기열"), answers::toString);
    }

    @Test
    void onlyStaffSeeTheDesk() {
        assertTrue(text(desk, "student").contains("You are not a TA or instructor of any course"), desk::toString);
        assertEquals(0, desk.get("taPublishButtons").asInt(), "a TA may not publish, so sees no button: " + desk);
    }

    @Test
    void theQueueListsEachTeamsSubmissionOldestFirstAndTheKeyboardOpensOne() {
        JsonNode queue = desk.get("queue");
        assertEquals("[\"Team 0\",\"Team 2\",\"Team 3\"]", queue.get("teams").toString(), queue::toString);
        assertEquals("[\"NEEDS_REVIEW\",\"WAITING\",\"WAITING\"]", queue.get("states").toString(), queue::toString);
        assertEquals(1, queue.get("selectedAfterJ").asInt(), queue::toString);
        assertEquals(0, queue.get("selectedAfterK").asInt(), queue::toString);
        assertEquals("/review/submissions/" + graded, queue.get("opened").asText(), queue::toString);
        assertEquals("[\"NEEDS_REVIEW\"]", queue.get("filtered").toString(), queue::toString);
    }

    @Test
    void theSubmissionShowsTheRenderedReportWithItsChartTheSourcesTheEvidenceAndWhoRanWhat() {
        JsonNode view = desk.get("submission");
        assertTrue(view.get("report").asText().contains("The validation accuracy stops improving"), view::toString);
        assertTrue(view.get("charts").asInt() >= 1, () -> "the embedded run is drawn with uPlot: " + view);
        assertTrue(view.get("source").asText().contains("Math.sqrt(residual)"), view::toString);
        assertTrue(view.get("keywords").asInt() > 5, () -> "Java is highlighted: " + view);
        String claims = view.get("claims").asText();
        assertTrue(claims.contains("no-aug") && claims.contains("0.7500") && claims.contains("0.6100")
                && claims.contains("-0.1400"), claims);
        assertTrue(view.get("stageLog").asText().contains("compile: ok"), view::toString);
        String team = view.get("team").asText();
        assertTrue(team.contains("Kim Minji") && team.contains("baseline") && team.contains("Lee Junho")
                && team.contains("no-aug"), team);
    }

    @Test
    void anOverrideNeedsTheCommentTheServerAsksForAndIsAudited() {
        JsonNode scoring = desk.get("scoring");
        assertEquals("\"comment\" is required: item \"augmentation\" already has 6.00 points, and changing them needs a"
                + " reason the team can read.", scoring.get("withoutComment").asText(), scoring::toString);
        assertEquals("Saved: item augmentation now has 8 points.", scoring.get("withComment").asText());
        assertEquals("Saved: item insight now has 4 points.", scoring.get("firstScore").asText());
        assertTrue(scoring.get("history").asText().contains("Flip and rotation are both on in training."),
                scoring::toString);
        assertTrue(scoring.get("total").asText().startsWith("17 points"), scoring::toString);
        JsonNode steps = desk.get("steps");
        assertTrue(steps.get("next").asText().startsWith("/review/submissions/"), steps::toString);
        assertEquals("/review/submissions/" + graded, steps.get("back").asText(), steps::toString);
    }

    @Test
    void theInstructorPublishesAndTheTaAnswersTheRegradeRequest() {
        assertTrue(text(desk, "published").startsWith("Published: the teams of Convnets see their results since"),
                desk::toString);
        JsonNode regrade = answers.get("regrade");
        assertTrue(regrade.get("reason").asText().contains("RandomZoom"), regrade::toString);
        assertEquals("Accepted: item augmentation has the new points, and the team reads your answer.",
                regrade.get("notice").asText(), regrade::toString);
        assertTrue(regrade.get("answered").asText().contains("Zoom confirmed in the model summary."), regrade::toString);
    }

    @Test
    void similarityFlagsTheCopyAndNotTheHonestTeam() {
        JsonNode similarity = answers.get("similarity");
        assertTrue(similarity.get("notice").asText().startsWith("Compared 3 submissions: 3 pairs, 1 of them"),
                similarity::toString);
        JsonNode pairs = similarity.get("pairs");
        assertEquals(java.util.Set.of("Team 0", "Team 2"), java.util.Set.of(pairs.get(0).get("teams").asText()
                .split(" / ")), similarity::toString);
        assertTrue(pairs.get(0).get("similarity").asDouble() > 0.8, similarity::toString);
        for (int i = 1; i < pairs.size(); i++) {
            assertTrue(pairs.get(i).get("teams").asText().contains("Team 3"), similarity::toString);
            assertTrue(pairs.get(i).get("similarity").asDouble() < 0.2, similarity::toString);
        }
        assertTrue(similarity.get("regions").asInt() >= 1, similarity::toString);
        assertTrue(similarity.get("matchedLines").asInt() > 10, similarity::toString);
    }
}
