package org.backprop.server.grading;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker API over HTTP with worker tokens: lease, heartbeat, result, failure, and what it refuses. */
@QuarkusTest
class WorkerResourceTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Inject
    PinnedClock clock;

    @AfterEach
    void runTheClockAgain() {
        clock.release();
    }

    /** A course with a two-member team, an assignment and a worker token of the course. */
    private record Setup(Fixtures.Cohort cohort, long team, long assignment, String token) {
        RequestSpecification worker() {
            return given().auth().oauth2(token);
        }
    }

    private Setup setup() {
        Fixtures.Cohort cohort = fixtures.cohort(2);
        long team = grading.team(cohort, 2);
        return new Setup(cohort, team, grading.assignment(GradingFixtures.RUBRIC),
                GradingFixtures.workerToken(cohort.instructor(), cohort.id()));
    }

    @Test
    void leasesAJobWithEverythingGradingNeedsHiddenParametersIncluded() {
        Setup s = setup();
        long submission = grading.submitHello(s.assignment(), s.team());
        JsonPath job = s.worker().queryParam("worker", "node-1").post("/api/worker/leases").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(submission, job.getLong("submissionId"));
        assertEquals(s.team(), job.getLong("teamId"));
        assertEquals(1, job.getInt("attempt"));
        assertEquals("Main", job.getString("mainClass"));
        assertEquals(GradingFixtures.HELLO, job.getString("files.'Main.java'"));
        assertEquals("# Results\nNothing yet.", job.getString("report"));
        assertEquals(s.cohort().students().subList(0, 2).stream().map(Fixtures.User::id).sorted().toList(),
                job.getList("teamMembers.accountId", Long.class).stream().sorted().toList());
        assertEquals(List.of("report", "heldout"), job.getList("rubric.key"));
        assertEquals("hidden-test-2024", job.getString("rubric[1].params.split"));
        assertEquals("AFTER_DUE", job.getString("rubric[1].visibility"));
        assertEquals(600, job.getInt("limits.wallTimeSeconds"));
        assertEquals(200, job.getInt("heartbeatSeconds"));

        given().auth().oauth2(s.cohort().instructor().token()).get("/api/grading/jobs/" + job.getLong("jobId"))
                .then().statusCode(200).body("state", equalTo("LEASED")).body("leaseOwner", equalTo("gpu-node / node-1"));
    }

    @Test
    void answers204WhenNoJobWaits() {
        Setup s = setup();
        s.worker().post("/api/worker/leases").then().statusCode(204);
    }

    @Test
    void aTokenOfAnotherCourseLeasesNoneOfThisCoursesJobsAndCannotTouchItsLeases() {
        Setup s = setup();
        Setup other = setup();
        grading.submitHello(s.assignment(), s.team());
        other.worker().post("/api/worker/leases").then().statusCode(204);
        String lease = s.worker().post("/api/worker/leases").then().statusCode(201).extract().path("leaseId");
        other.worker().post("/api/worker/leases/" + lease + "/heartbeat").then().statusCode(403)
                .contentType(PROBLEM).body("detail", equalTo("Lease " + lease + " was given to another worker."));
    }

    @Test
    void heartbeatsExtendTheLeaseAndAResultPostedTwiceIsStoredOnce() {
        clock.pin(Instant.parse("2025-06-01T15:00:00Z"));
        Setup s = setup();
        grading.submitHello(s.assignment(), s.team());
        JsonPath job = s.worker().post("/api/worker/leases").then().statusCode(201).extract().jsonPath();
        String lease = job.getString("leaseId");
        clock.advance(Duration.ofMinutes(5));
        s.worker().post("/api/worker/leases/" + lease + "/heartbeat").then().statusCode(200)
                .body("leaseExpiresAt", equalTo("2025-06-01T15:15:00Z"));

        long resultId = s.worker().contentType(ContentType.JSON).body(result(2)).post("/api/worker/leases/" + lease
                + "/result").then().statusCode(201).extract().jsonPath().getLong("id");
        s.worker().contentType(ContentType.JSON).body(result(2)).post("/api/worker/leases/" + lease + "/result")
                .then().statusCode(200).body("id", equalTo((int) resultId));

        given().auth().oauth2(s.cohort().ta().token()).get("/api/grading/jobs/" + job.getLong("jobId") + "/result")
                .then().statusCode(200)
                .body("summary", equalTo("Your program compiled."))
                .body("items.key", equalTo(List.of("report", "heldout")))
                .body("items[0].points", equalTo(2.0f))
                .body("items[0].maxPoints", equalTo(2.0f))
                .body("items[1].verdict", equalTo("NEEDS_REVIEW"))
                .body("items[1].visibility", equalTo("AFTER_DUE"));
        s.worker().post("/api/worker/leases/" + lease + "/heartbeat").then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("Lease " + lease + " has ended with a result already; this heartbeat does not"
                        + " keep it. Stop grading this job."));
    }

    @Test
    void refusesTheResultOfALeaseThatExpiredAndWasLeasedAgain() {
        clock.pin(Instant.parse("2025-06-01T15:00:00Z"));
        Setup s = setup();
        grading.submitHello(s.assignment(), s.team());
        JsonPath first = s.worker().post("/api/worker/leases").then().statusCode(201).extract().jsonPath();
        clock.advance(Duration.ofMinutes(10));
        JsonPath second = s.worker().post("/api/worker/leases").then().statusCode(201).extract().jsonPath();
        assertEquals(first.getLong("jobId"), second.getLong("jobId"));
        assertEquals(2, second.getInt("attempt"));
        s.worker().contentType(ContentType.JSON).body(result(2))
                .post("/api/worker/leases/" + first.getString("leaseId") + "/result").then()
                .statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("Lease " + first.getString("leaseId") + " has expired and job "
                        + first.getLong("jobId") + " was leased again; its result was not stored. Stop grading this"
                        + " job."));
        s.worker().contentType(ContentType.JSON).body(result(2))
                .post("/api/worker/leases/" + second.getString("leaseId") + "/result").then().statusCode(201);
    }

    @Test
    void aReportedFailureQueuesTheJobAgain() {
        Setup s = setup();
        grading.submitHello(s.assignment(), s.team());
        String lease = s.worker().post("/api/worker/leases").then().statusCode(201).extract().path("leaseId");
        s.worker().contentType(ContentType.JSON).body(Map.of("message", "The GPU fell off the bus.", "logs", "Xid 79"))
                .post("/api/worker/leases/" + lease + "/failure").then().statusCode(200)
                .body("state", equalTo("QUEUED")).body("attempts", equalTo(1))
                .body("lastError", equalTo("The GPU fell off the bus."));
        given().auth().oauth2(s.cohort().instructor().token()).get("/api/courses/" + s.cohort().id() + "/grading/queue")
                .then().statusCode(200).body("queued", equalTo(1)).body("leased", equalTo(0));
    }

    @Test
    void refusesResultsThatDoNotMatchTheRubricNamingTheField() {
        Setup s = setup();
        grading.submitHello(s.assignment(), s.team());
        String url = "/api/worker/leases/" + s.worker().post("/api/worker/leases").then().statusCode(201)
                .extract().path("leaseId") + "/result";
        s.worker().contentType(ContentType.JSON).body(result(3)).post(url).then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("\"items[0].points\" must be between 0 and 2 (the item's points), got 3."));
        s.worker().contentType(ContentType.JSON).body(Map.of("summary", "s", "items", List.of(item("report", "PASSED",
                1)))).post(url).then().statusCode(400)
                .body("detail", equalTo("\"items\" lacks the rubric items [heldout]: post one item for every rubric"
                        + " item."));
        s.worker().contentType(ContentType.JSON).body(Map.of("summary", "s", "items", List.of(item("style", "PASSED",
                1)))).post(url).then().statusCode(400)
                .body("detail", equalTo("\"items[0].key\" is \"style\", which is no item of the assignment's rubric;"
                        + " it has [report, heldout]."));
        s.worker().contentType(ContentType.JSON).body(Map.of("summary", "s", "items", List.of(item("report",
                "NEEDS_REVIEW", 1), item("heldout", "NEEDS_REVIEW", null)))).post(url).then().statusCode(400)
                .body("detail", equalTo("\"items[0].points\" must be null for an item that needs a TA's review."));
        s.worker().contentType(ContentType.JSON).body(Map.of("summary", "s")).post(url).then().statusCode(400)
                .body("detail", equalTo("\"items\" is required."));
        s.worker().contentType(ContentType.JSON).body("{\"summary\": \"s\", \"items\": [{\"key\": \"report\","
                + " \"verdict\": \"PASSED\", \"points\": \"lots\"}]}").post(url).then().statusCode(400)
                .body("detail", equalTo("The field \"items.0.points\" has the wrong type."));
        s.worker().contentType(ContentType.JSON).body("{\"summary\": \"s\", \"items\": [").post(url).then()
                .statusCode(400).body("detail", startsWith("The request body is not valid JSON"));
        s.worker().contentType(ContentType.JSON).body("{\"summary\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))
                .post(url).then().statusCode(400)
                .body("detail", equalTo("The request body is not valid UTF-8 text. Save your files as UTF-8 and try"
                        + " again."));
        s.worker().contentType(ContentType.JSON).body("{\"summary\": \"" + "x".repeat(1100 * 1024) + "\"}").post(url)
                .then().statusCode(413).contentType(PROBLEM)
                .body("detail", equalTo("The request is 1101 KiB; this server accepts at most 1024 KiB."));
        s.worker().contentType(ContentType.JSON).body(result(2)).post(url).then().statusCode(201);
    }

    @Test
    void answersUnknownAndMalformedLeasesWith404() {
        Setup s = setup();
        s.worker().post("/api/worker/leases/00000000-0000-0000-0000-000000000000/heartbeat").then().statusCode(404)
                .contentType(PROBLEM).body("detail", equalTo("There is no lease 00000000-0000-0000-0000-000000000000."
                        + " Lease a job first."));
        s.worker().post("/api/worker/leases/not-a-lease/heartbeat").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aWorkerTokenReadsNothingButItsOwnApi() {
        Setup s = setup();
        for (String path : List.of("/api/courses", "/api/courses/" + s.cohort().id(), "/api/auth/me",
                "/api/auth/tokens", "/api/worker-tokens?courseId=" + s.cohort().id(),
                "/api/courses/" + s.cohort().id() + "/grading/queue")) {
            s.worker().get(path).then().statusCode(403).contentType(PROBLEM)
                    .body("detail", equalTo("A worker token can only lease grading jobs, read their datasets and"
                            + " report on them (under /api/worker). Sign in as a person for anything else."));
        }
    }

    @Test
    void peopleCannotUseTheWorkerApiAndRevokedTokensStopWorking() {
        Setup s = setup();
        given().auth().oauth2(s.cohort().instructor().token()).post("/api/worker/leases").then().statusCode(403)
                .contentType(PROBLEM).body("detail", startsWith("Only grading workers call this endpoint"));
        long id = given().auth().oauth2(s.cohort().instructor().token()).get("/api/worker-tokens?courseId="
                + s.cohort().id()).then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(s.cohort().instructor().token()).delete("/api/worker-tokens/" + id).then()
                .statusCode(200).body("revokedAt", notNullValue());
        s.worker().post("/api/worker/leases").then().statusCode(401).contentType(PROBLEM)
                .body("detail", equalTo("This worker token is unknown or revoked. Ask an instructor for a new one."));
    }

    @Test
    void onlyAdministratorsCreateTokensForEveryCourse() {
        Setup s = setup();
        given().auth().oauth2(s.cohort().instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("name", "everything")).post("/api/worker-tokens").then().statusCode(403)
                .body("detail", equalTo("Only administrators can create worker tokens for every course; instructors"
                        + " name their course with \"courseId\"."));
        String global = GradingFixtures.workerToken(fixtures.admin("admin"), null);
        long submission = grading.submitHello(s.assignment(), s.team());
        // Other tests leave jobs in the shared queue; this one goes first so that the answer is predictable.
        fixtures.inTransaction(() -> GradingJob.update("priority = 1000 where submissionId = ?1", submission));
        JsonPath job = given().auth().oauth2(global).post("/api/worker/leases").then().statusCode(201).extract()
                .jsonPath();
        assertEquals(submission, job.getLong("submissionId"));
        assertEquals(GradingFixtures.HELLO, job.getString("files.'Main.java'"));
    }

    @Test
    void staffRegradeASubmissionAheadOfFirstGradings() {
        Setup s = setup();
        long submission = grading.submitHello(s.assignment(), s.team());
        long regrade = given().auth().oauth2(s.cohort().ta().token())
                .post("/api/grading/submissions/" + submission + "/regrade").then().statusCode(201)
                .body("reason", equalTo("REGRADE")).body("priority", equalTo(10))
                .body("submissionId", equalTo((int) submission)).extract().jsonPath().getLong("id");
        given().auth().oauth2(s.cohort().students().get(0).token())
                .post("/api/grading/submissions/" + submission + "/regrade").then().statusCode(403);
        given().auth().oauth2(s.cohort().ta().token()).post("/api/grading/submissions/9000000000/regrade").then()
                .statusCode(404).body("detail", equalTo("Submission 9000000000 has never been queued for grading."));
        assertEquals(regrade, s.worker().post("/api/worker/leases").then().statusCode(201).extract().jsonPath()
                .getLong("jobId"), "the regrade is leased before the first grading");
    }

    private static Map<String, Object> result(int reportPoints) {
        return Map.of("summary", "Your program compiled.", "logs", "compiled in 2 s", "items", List.of(
                item("report", "PASSED", reportPoints), item("heldout", "NEEDS_REVIEW", null)));
    }

    private static Map<String, Object> item(String key, String verdict, Integer points) {
        HashMap<String, Object> item = new HashMap<>(Map.of("key", key, "verdict", verdict,
                "message", "Checked.", "visibility", "heldout".equals(key) ? "AFTER_DUE" : "VISIBLE"));
        item.put("points", points);
        return item;
    }
}
