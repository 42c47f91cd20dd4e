package org.backprop.server.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backprop.nn.saving.SavedModels;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.TinyDataset;
import org.backprop.server.fixtures.TinyPretrained;
import org.backprop.server.grading.GradingFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may call what: every course, team, sign-in, compile, assignment, submission, workspace, grading and worker
 * endpoint, called by everyone from an administrator to a worker token to a stranger, against the status each must get.
 * Refusals must be problem+json with a detail to read.
 * Every mismatch is collected and reported together, each with what was expected and what came back.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    private static final String JSON = "application/json";
    private static final String OCTETS = "application/octet-stream";
    private static final String BOUNDARY = TinyDataset.BOUNDARY;
    private static final String MULTIPART = TinyDataset.CONTENT_TYPE;

    @Inject
    Fixtures fixtures;

    private Fixtures.Cohort courseA;
    private Fixtures.Cohort courseB;
    private Fixtures.User admin;
    private long setA;
    private long teamA;
    private long assignmentA;
    private long submissionA;
    private long jobA;
    private String shardA;
    private String hiddenShardA;
    private String pretrainedA;
    private Map<String, Fixtures.User> callers;

    /** Creates the two courses once; RestAssured knows the test port only from the first test on. */
    void createTwoCourses() {
        if (callers != null) {
            return;
        }
        courseA = fixtures.cohort(2);
        courseB = fixtures.cohort(1);
        admin = fixtures.admin("admin");
        setA = given().auth().oauth2(courseA.instructor().token()).contentType(JSON)
                .body(Map.of("name", "Teams", "minSize", 1, "maxSize", 4,
                        "selectionClosesAt", Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/courses/" + courseA.id() + "/team-sets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        teamA = given().auth().oauth2(studentA().token()).contentType(JSON).body(Map.of("name", "A-team"))
                .post("/api/team-sets/" + setA + "/teams").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assignmentA = given().auth().oauth2(courseA.instructor().token()).contentType(JSON)
                .body(Map.of("id", "hw", "files", Map.of("assignment.yaml", Homework.spec("2099-12-14T23:59"),
                        "Main.java", Homework.MAIN)))
                .post("/api/courses/" + courseA.id() + "/assignments/import").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        submissionA = Homework.submission(studentA(), "# Our report")
                .post("/api/assignments/" + assignmentA + "/submissions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // Accepting the submission queued its grading job.
        jobA = given().auth().oauth2(courseA.instructor().token()).get("/api/courses/" + courseA.id() + "/grading/jobs")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(courseA.instructor().token()).contentType(MULTIPART)
                .body(TinyDataset.upload("tiny").getBytes(StandardCharsets.UTF_8))
                .post("/api/courses/" + courseA.id() + "/datasets").then().statusCode(201);
        // The homework names a dataset "rps": with the same bytes it has the same shards, which job A then reads.
        given().auth().oauth2(courseA.instructor().token()).contentType(MULTIPART)
                .body(TinyDataset.upload("rps").getBytes(StandardCharsets.UTF_8))
                .post("/api/courses/" + courseA.id() + "/datasets").then().statusCode(201);
        Response manifest = given().auth().oauth2(courseA.instructor().token())
                .get("/api/courses/" + courseA.id() + "/datasets/tiny/1/manifest");
        shardA = manifest.jsonPath().getString("splits.find { it.name == 'train' }.shards[0].sha256");
        hiddenShardA = manifest.jsonPath().getString("splits.find { it.name == 'test' }.shards[0].sha256");
        // The homework names the pretrained model "tiny_base": job A reads its bytes too.
        pretrainedA = given().auth().oauth2(courseA.instructor().token())
                .multiPart("file", "tiny_base.bpm", SavedModels.toBytes(TinyPretrained.model()), OCTETS)
                .multiPart("name", "tiny_base").multiPart("version", "1")
                .post("/api/courses/" + courseA.id() + "/pretrained").then().statusCode(201).extract().jsonPath()
                .getString("sha256");
        // A worker token is no account: it stands in the matrix as a caller without one.
        Fixtures.User workerA = new Fixtures.User(0, "worker", "worker A",
                GradingFixtures.workerToken(courseA.instructor(), courseA.id()));
        callers = Map.of(
                "worker A", workerA,
                "admin", admin,
                "instructor A", courseA.instructor(),
                "TA A", courseA.ta(),
                "student A", studentA(),
                "other student A", courseA.students().get(1),
                "instructor B", courseB.instructor(),
                "TA B", courseB.ta(),
                "student B", courseB.students().get(0));
    }

    /** One call and the status each caller must get; callers not listed are not tried. */
    record Rule(String method, String path, String contentType, String body, Map<String, Integer> expected) {
    }

    @Test
    void everyCallerGetsExactlyTheAccessTheirRoleGives() {
        createTwoCourses();
        List<String> mismatches = new ArrayList<>();
        for (Rule rule : rules()) {
            rule.expected().forEach((caller, status) -> {
                Response response = send(caller, rule);
                String call = caller + " " + rule.method() + " " + rule.path();
                if (response.statusCode() != status) {
                    mismatches.add(call + ": expected " + status + ", got " + response.statusCode() + " "
                            + response.asString());
                } else if (status >= 400 && !response.contentType().startsWith(Problem.MEDIA_TYPE)) {
                    mismatches.add(call + ": expected application/problem+json, got " + response.contentType());
                } else if (status >= 400 && response.jsonPath().getString("detail").isBlank()) {
                    mismatches.add(call + ": expected a detail that explains the refusal, got none");
                }
            });
        }
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches:\n" + String.join("\n", mismatches));
    }

    @Test
    void aTaOfAnotherCourseSeesNothingOfIt() {
        createTwoCourses();
        List<Integer> courseIds = given().auth().oauth2(courseB.ta().token()).get("/api/courses")
                .then().statusCode(200).extract().path("items.id");
        assertEquals(List.of((int) courseB.id()), courseIds, "TA B's course list");
    }

    @Test
    void studentsSeeOnlyTheirOwnTeamsJoinCode() {
        createTwoCourses();
        Response asTeammate = given().auth().oauth2(studentA().token()).get("/api/team-sets/" + setA + "/teams");
        Response asOther = given().auth().oauth2(courseA.students().get(1).token())
                .get("/api/team-sets/" + setA + "/teams");
        assertTrue(asTeammate.jsonPath().getString("items[0].joinCode") != null, "a member sees the code");
        assertEquals(null, asOther.jsonPath().getString("items[0].joinCode"), "another student sees no code");
    }

    private List<Rule> rules() {
        String a = "/api/courses/" + courseA.id();
        String set = "/api/team-sets/" + setA;
        long otherStudent = courseA.students().get(1).id();
        String teamSetBody = "{\"name\": \"New\", \"minSize\": 1, \"maxSize\": 3, \"selectionClosesAt\": \""
                + Instant.now().plus(Duration.ofDays(2)) + "\"}";
        String assignment = "/api/assignments/" + assignmentA;
        String submission = "/api/submissions/" + submissionA;
        String importBody = "{\"id\": \"hw\", \"files\": {\"assignment.yaml\": "
                + quoted(Homework.spec("2099-12-14T23:59")) + ", \"Main.java\": " + quoted(Homework.MAIN) + "}}";
        String deadlineBody = "{\"dueAt\": \"2099-12-14T14:59:00Z\", \"lateCredit\": [{\"until\": \"24h\","
                + " \"credit\": 80}]}";
        String extensionBody = "{\"teamId\": " + teamA + ", \"hours\": 24, \"reason\": \"Illness\"}";
        String multipartBody = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"source\";"
                + " filename=\"Main.java\"\r\n\r\n" + Homework.MAIN + "\r\n--" + BOUNDARY + "\r\nContent-Disposition:"
                + " form-data; name=\"report\"; filename=\"report.md\"\r\n\r\n# Report\r\n--" + BOUNDARY + "--\r\n";
        return List.of(
                new Rule("GET", "/api/courses", null, null, Map.of("anonymous", 401, "student B", 200)),
                new Rule("GET", a, null, null, Map.of("anonymous", 401, "admin", 200, "instructor A", 200,
                        "TA A", 200, "student A", 200, "instructor B", 403, "TA B", 403, "student B", 403)),
                new Rule("PUT", a, JSON, "{\"title\": \"Course A\", \"timeZone\": \"Asia/Seoul\"}", Map.of(
                        "anonymous", 401, "admin", 200, "instructor A", 200, "TA A", 403, "student A", 403,
                        "instructor B", 403, "TA B", 403)),
                new Rule("GET", a + "/assignments/folders", null, null, Map.of("anonymous", 401, "admin", 200,
                        "instructor A", 200, "TA A", 403, "student A", 403, "instructor B", 403)),
                new Rule("GET", a + "/members", null, null, Map.of("anonymous", 401, "admin", 200,
                        "instructor A", 200, "TA A", 200, "student A", 403, "TA B", 403, "student B", 403)),
                new Rule("POST", a + "/roster", "text/csv", "email,name,role\n", Map.of("anonymous", 401,
                        "TA A", 403, "student A", 403, "instructor B", 403, "instructor A", 200, "admin", 200)),
                new Rule("GET", a + "/join-code", null, null, Map.of("anonymous", 401, "TA A", 200,
                        "student A", 403, "TA B", 403)),
                new Rule("POST", a + "/join-code", null, null, Map.of("anonymous", 401, "TA A", 403,
                        "student A", 403, "instructor B", 403, "instructor A", 200)),
                new Rule("POST", "/api/courses", JSON, "{\"code\": \"X-" + System.nanoTime()
                        + "\", \"title\": \"X\", \"timeZone\": \"UTC\"}", Map.of("anonymous", 401, "student A", 403,
                        "TA A", 403)),
                new Rule("GET", a + "/team-sets", null, null, Map.of("anonymous", 401, "student A", 200,
                        "TA A", 200, "student B", 403, "TA B", 403)),
                new Rule("POST", a + "/team-sets", JSON, teamSetBody, Map.of("anonymous", 401, "student A", 403,
                        "TA A", 403, "instructor B", 403, "TA B", 403)),
                new Rule("GET", set, null, null, Map.of("anonymous", 401, "other student A", 200, "student B", 403,
                        "TA B", 403)),
                new Rule("PUT", set, JSON, teamSetBody, Map.of("anonymous", 401, "student A", 403, "TA A", 403,
                        "instructor B", 403)),
                new Rule("GET", set + "/teams", null, null, Map.of("anonymous", 401, "other student A", 200,
                        "TA A", 200, "student B", 403, "TA B", 403)),
                new Rule("POST", set + "/teams", JSON, "{\"name\": \"Staff team\"}", Map.of("anonymous", 401,
                        "TA A", 403, "instructor A", 403, "student B", 403, "admin", 403)),
                new Rule("POST", set + "/teams/" + teamA + "/join", null, null, Map.of("anonymous", 401,
                        "student B", 403, "TA A", 403)),
                new Rule("POST", set + "/teams/join", JSON, "{\"code\": \"NOPE\"}", Map.of("anonymous", 401,
                        "student B", 403, "TA B", 403)),
                new Rule("GET", set + "/teams/mine", null, null, Map.of("anonymous", 401, "student A", 200,
                        "student B", 403)),
                new Rule("POST", set + "/teams/leave", null, null, Map.of("anonymous", 401, "student B", 403,
                        "TA A", 403)),
                new Rule("GET", set + "/unassigned", null, null, Map.of("anonymous", 401, "TA A", 200,
                        "instructor A", 200, "student A", 403, "TA B", 403)),
                new Rule("PUT", set + "/placements/" + otherStudent, JSON, "{\"teamId\": " + teamA + "}",
                        Map.of("anonymous", 401, "student A", 403, "TA A", 403, "instructor B", 403)),
                new Rule("POST", set + "/fill", JSON, "{\"seed\": 1}", Map.of("anonymous", 401, "student A", 403,
                        "TA A", 403, "TA B", 403)),
                new Rule("POST", a + "/password-links", null, null, Map.of("anonymous", 401, "TA A", 403,
                        "student A", 403, "instructor B", 403, "instructor A", 200, "admin", 200)),
                new Rule("POST", a + "/members/" + otherStudent + "/password-link", null, null, Map.of("anonymous", 401,
                        "TA A", 403, "student A", 403, "instructor B", 403, "instructor A", 409)),
                new Rule("POST", "/api/auth/password-setup", JSON, "{\"token\": \"made-up\", \"password\": \"long"
                        + " enough passphrase\"}", Map.of("anonymous", 400, "student B", 400)),
                new Rule("PUT", "/api/auth/password", JSON, "{\"currentPassword\": \"not it\", \"newPassword\":"
                        + " \"long enough passphrase\"}", Map.of("anonymous", 401, "student B", 400)),
                new Rule("GET", "/api/auth/options", null, null, Map.of("anonymous", 200, "student B", 200)),
                new Rule("GET", "/api/auth/oidc/login", null, null, Map.of("anonymous", 404)),
                new Rule("POST", "/api/compile", JSON, "{\"mainClass\": \"Main\"}", Map.of("anonymous", 401,
                        "student B", 400)),
                new Rule("GET", set + "/balance?seed=1", null, null, Map.of("anonymous", 401, "student A", 403,
                        "TA A", 403, "instructor B", 403, "instructor A", 200, "admin", 200)),
                new Rule("POST", set + "/balance", JSON, "{\"seed\": 1}", Map.of("anonymous", 401, "student A", 403,
                        "TA A", 403, "instructor B", 403, "instructor A", 409)),
                new Rule("GET", set + "/audit", null, null, Map.of("anonymous", 401, "student A", 403, "TA A", 200,
                        "instructor A", 200, "TA B", 403, "student B", 403)),
                new Rule("GET", "/api/auth/tokens", null, null, Map.of("anonymous", 401, "student B", 200,
                        "worker A", 403)),
                new Rule("GET", "/api/auth/me", null, null, Map.of("worker A", 403, "student B", 200)),
                new Rule("GET", "/api/courses", null, null, Map.of("worker A", 403)),
                new Rule("PUT", a, JSON, "{\"title\": \"Course A\", \"timeZone\": \"Asia/Seoul\"}", Map.of(
                        "anonymous", 401, "admin", 200, "instructor A", 200, "TA A", 403, "student A", 403,
                        "instructor B", 403, "TA B", 403)),
                new Rule("GET", a + "/assignments/folders", null, null, Map.of("anonymous", 401, "admin", 200,
                        "instructor A", 200, "TA A", 403, "student A", 403, "instructor B", 403)),
                new Rule("GET", a + "/members", null, null, Map.of("worker A", 403)),
                new Rule("GET", set + "/teams", null, null, Map.of("worker A", 403)),
                new Rule("POST", "/api/compile", JSON, "{\"mainClass\": \"Main\"}", Map.of("worker A", 403)),
                new Rule("GET", a + "/grading/queue", null, null, Map.of("anonymous", 401, "admin", 200,
                        "instructor A", 200, "TA A", 200, "student A", 403, "instructor B", 403, "TA B", 403,
                        "worker A", 403)),
                new Rule("GET", a + "/grading/jobs", null, null, Map.of("anonymous", 401, "admin", 200,
                        "instructor A", 200, "TA A", 200, "student A", 403, "TA B", 403, "worker A", 403)),
                new Rule("GET", "/api/grading/queue", null, null, Map.of("anonymous", 401, "admin", 200,
                        "instructor A", 403, "TA A", 403, "worker A", 403)),
                new Rule("GET", "/api/grading/jobs/" + jobA, null, null, Map.of("anonymous", 401, "admin", 200,
                        "TA A", 200, "student A", 403, "TA B", 403, "worker A", 403)),
                new Rule("GET", "/api/grading/jobs/" + jobA + "/result", null, null, Map.of("anonymous", 401,
                        "TA A", 404, "student A", 403, "instructor B", 403, "worker A", 403)),
                new Rule("POST", "/api/grading/submissions/" + submissionA + "/regrade", null, null,
                        Map.of("anonymous", 401, "TA A", 201, "student A", 403, "TA B", 403, "worker A", 403)),
                new Rule("POST", "/api/worker-tokens", JSON, "{\"name\": \"node\", \"courseId\": " + courseA.id()
                        + "}", Map.of("anonymous", 401, "instructor A", 201, "admin", 201, "TA A", 403,
                        "student A", 403, "instructor B", 403, "worker A", 403)),
                new Rule("POST", "/api/worker-tokens", JSON, "{\"name\": \"every course\"}", Map.of(
                        "anonymous", 401, "admin", 201, "instructor A", 403, "worker A", 403)),
                new Rule("GET", "/api/worker-tokens?courseId=" + courseA.id(), null, null, Map.of("anonymous", 401,
                        "instructor A", 200, "admin", 200, "TA A", 403, "student A", 403, "instructor B", 403,
                        "worker A", 403)),
                new Rule("GET", "/api/worker-tokens", null, null, Map.of("admin", 200, "instructor A", 403,
                        "worker A", 403)),
                new Rule("DELETE", "/api/worker-tokens/0", null, null, Map.of("anonymous", 401, "instructor A", 404,
                        "worker A", 403)),
                new Rule("POST", "/api/worker/leases", null, null, Map.of("anonymous", 401, "admin", 403,
                        "instructor A", 403, "student A", 403, "worker A", 201)),
                new Rule("POST", "/api/worker/leases/00000000-0000-0000-0000-000000000000/heartbeat", null, null,
                        Map.of("anonymous", 401, "instructor A", 403, "worker A", 404)),
                // Worker A now leases job A, which reads rps's shards: the hidden split's too, for workers only.
                new Rule("GET", "/api/worker/shards/" + hiddenShardA, null, null, Map.of("anonymous", 401,
                        "student A", 403, "other student A", 403, "TA A", 403, "instructor A", 403, "admin", 403,
                        "student B", 403, "worker A", 200)),
                new Rule("GET", "/api/worker/shards/" + shardA, null, null, Map.of("student A", 403,
                        "worker A", 200)),
                new Rule("GET", "/api/worker/shards/" + pretrainedA, null, null, Map.of("student A", 403,
                        "instructor A", 403, "worker A", 200)),
                new Rule("GET", "/api/worker/shards/" + "0".repeat(64), null, null, Map.of("worker A", 404)),
                new Rule("GET", "/api/worker/shards/not-a-hash", null, null, Map.of("worker A", 400)),
                new Rule("GET", submission + "/review", null, null, Map.of("anonymous", 401, "student A", 403,
                        "TA A", 200, "instructor A", 200, "TA B", 403, "instructor B", 403, "worker A", 403)),
                new Rule("GET", submission + "/review/history", null, null, Map.of("anonymous", 401,
                        "student A", 403, "TA A", 200, "TA B", 403, "worker A", 403)),
                new Rule("PUT", submission + "/review/items/insight", JSON, "{\"points\": 1, \"comment\": \"m\"}",
                        Map.of("anonymous", 401, "student A", 403, "TA B", 403, "instructor B", 403, "worker A", 403)),
                new Rule("GET", submission + "/results", null, null, Map.of("anonymous", 401, "other student A", 403,
                        "TA B", 403, "instructor B", 403, "worker A", 403)),
                new Rule("POST", submission + "/regrade-requests", JSON, "{\"itemKey\": \"insight\", \"reason\":"
                        + " \"m\"}", Map.of("anonymous", 401, "other student A", 403, "TA B", 403, "worker A", 403)),
                new Rule("GET", a + "/regrade-requests", null, null, Map.of("anonymous", 401, "student A", 403,
                        "TA A", 200, "instructor A", 200, "TA B", 403, "worker A", 403)),
                new Rule("GET", a + "/review-queue", null, null, Map.of("anonymous", 401, "student A", 403,
                        "TA A", 200, "instructor A", 200, "admin", 200, "TA B", 403, "instructor B", 403,
                        "worker A", 403)),
                new Rule("POST", "/api/assignments/" + assignmentA + "/similarity", null, null, Map.of("anonymous", 401,
                        "student A", 403, "TA A", 200, "TA B", 403, "instructor B", 403, "worker A", 403)),
                new Rule("GET", "/api/assignments/" + assignmentA + "/similarity", null, null, Map.of("anonymous", 401,
                        "student A", 403, "TA A", 200, "instructor A", 200, "TA B", 403, "instructor B", 403,
                        "worker A", 403)),
                new Rule("POST", "/api/assignments/" + assignmentA + "/results/publication", null, null,
                        Map.of("anonymous", 401, "student A", 403, "TA A", 403, "instructor B", 403, "worker A", 403)),
                new Rule("GET", a + "/gradebook", null, null, Map.of("anonymous", 401, "student A", 403, "TA A", 200,
                        "instructor A", 200, "admin", 200, "TA B", 403, "instructor B", 403, "worker A", 403)),
                new Rule("GET", a + "/gradebook.csv", null, null, Map.of("anonymous", 401, "student A", 403,
                        "instructor A", 200, "instructor B", 403, "worker A", 403)),
                new Rule("GET", a + "/assignments", null, null, Map.of("anonymous", 401, "student A", 200,
                        "TA A", 200, "admin", 200, "student B", 403, "TA B", 403)),
                new Rule("POST", a + "/assignments/import", JSON, importBody, Map.of("anonymous", 401,
                        "student A", 403, "TA A", 403, "instructor B", 403, "TA B", 403, "instructor A", 200)),
                new Rule("POST", a + "/assignments/import/hw-convnets", null, null, Map.of("anonymous", 401,
                        "student A", 403, "TA A", 403, "instructor B", 403)),
                new Rule("GET", assignment, null, null, Map.of("anonymous", 401, "student A", 200, "TA A", 200,
                        "student B", 403, "TA B", 403)),
                new Rule("GET", assignment + "/starter", null, null, Map.of("anonymous", 401, "student A", 200,
                        "student B", 403, "TA B", 403)),
                new Rule("GET", assignment + "/my-deadline", null, null, Map.of("anonymous", 401, "student A", 200,
                        "student B", 403)),
                new Rule("PUT", assignment + "/deadline", JSON, deadlineBody, Map.of("anonymous", 401,
                        "student A", 403, "TA A", 403, "instructor B", 403, "instructor A", 200)),
                new Rule("POST", assignment + "/extensions", JSON, extensionBody, Map.of("anonymous", 401,
                        "student A", 403, "TA B", 403, "instructor B", 403, "TA A", 201, "instructor A", 201)),
                new Rule("GET", assignment + "/extensions", null, null, Map.of("anonymous", 401, "student A", 403,
                        "TA B", 403, "TA A", 200)),
                new Rule("POST", assignment + "/submissions", MULTIPART, multipartBody, Map.of("anonymous", 401,
                        "TA A", 403, "instructor A", 403, "student B", 403, "TA B", 403, "other student A", 409,
                        "student A", 201)),
                new Rule("GET", assignment + "/submissions", null, null, Map.of("anonymous", 401, "student A", 200,
                        "other student A", 200, "TA A", 200, "student B", 403, "TA B", 403)),
                new Rule("POST", assignment + "/runs", JSON, "{\"record\": {\"name\": \"unreadable\"}}",
                        Map.of("anonymous", 401, "student A", 400, "other student A", 409, "TA A", 403, "admin", 403,
                                "student B", 403, "TA B", 403, "worker A", 403)),
                new Rule("GET", assignment + "/runs", null, null, Map.of("anonymous", 401, "student A", 200,
                        "other student A", 409, "TA A", 403, "student B", 403, "worker A", 403)),
                new Rule("GET", assignment + "/runs/999999999", null, null, Map.of("anonymous", 401, "student A", 404,
                        "student B", 403)),
                new Rule("GET", assignment + "/runs/ablation", null, null, Map.of("anonymous", 401, "student A", 200,
                        "other student A", 409, "TA A", 403, "student B", 403, "worker A", 403)),
                new Rule("GET", "/api/teams/" + teamA + "/assignments/" + assignmentA + "/runs/ablation", null, null,
                        Map.of("anonymous", 401, "TA A", 200, "instructor A", 200, "student A", 403, "TA B", 403,
                                "worker A", 403)),
                new Rule("GET", "/api/teams/" + teamA + "/assignments/" + assignmentA + "/runs", null, null,
                        Map.of("anonymous", 401, "TA A", 200, "instructor A", 200, "admin", 200, "student A", 403,
                                "TA B", 403, "instructor B", 403, "worker A", 403)),
                new Rule("GET", "/api/teams/" + teamA + "/assignments/" + assignmentA + "/runs/999999999", null, null,
                        Map.of("anonymous", 401, "TA A", 404, "student A", 403, "TA B", 403)),
                new Rule("PUT", assignment + "/runs/999999999/model?name=final", OCTETS, "saved model",
                        Map.of("anonymous", 401, "student A", 404, "other student A", 409, "TA A", 403, "admin", 403,
                                "student B", 403, "worker A", 403)),
                new Rule("GET", assignment + "/runs/999999999/model", null, null, Map.of("anonymous", 401,
                        "student A", 404, "other student A", 409, "TA A", 403, "student B", 403, "worker A", 403)),
                new Rule("GET", "/api/teams/" + teamA + "/assignments/" + assignmentA + "/runs/999999999/model", null,
                        null, Map.of("anonymous", 401, "TA A", 404, "instructor A", 404, "student A", 403, "TA B", 403,
                                "instructor B", 403, "worker A", 403)),
                new Rule("GET", assignment + "/workspace", null, null, Map.of("anonymous", 401, "student A", 200,
                        "other student A", 409, "TA A", 403, "admin", 403, "student B", 403, "TA B", 403,
                        "worker A", 403)),
                new Rule("PUT", assignment + "/workspace/files/model/Matrix.java", JSON, "{\"content\": \"class"
                        + " Matrix { }\", \"baseRevision\": 0}", Map.of("anonymous", 401, "other student A", 409,
                                "TA A", 403, "student B", 403, "worker A", 403, "student A", 200)),
                new Rule("POST", assignment + "/workspace/files/model/Matrix.java/rename", JSON, "{\"to\":"
                        + " \"model/Grid.java\", \"baseRevision\": 1}", Map.of("anonymous", 401,
                                "other student A", 409, "TA A", 403, "student B", 403, "student A", 200)),
                new Rule("GET", assignment + "/workspace/files/model/Grid.java/revisions", null, null,
                        Map.of("anonymous", 401, "student A", 200, "other student A", 409, "TA A", 403,
                                "student B", 403)),
                new Rule("GET", assignment + "/workspace/files/model/Grid.java/revisions/1", null, null,
                        Map.of("anonymous", 401, "student A", 200, "other student A", 409, "TA A", 403,
                                "student B", 403)),
                new Rule("DELETE", assignment + "/workspace/files/model/Grid.java?baseRevision=1", null, null,
                        Map.of("anonymous", 401, "other student A", 409, "TA A", 403, "student B", 403,
                                "student A", 204)),
                new Rule("GET", "/api/teams/" + teamA + "/assignments/" + assignmentA + "/workspace", null, null,
                        Map.of("anonymous", 401, "TA A", 200, "instructor A", 200, "admin", 200, "student A", 403,
                                "TA B", 403, "instructor B", 403, "student B", 403, "worker A", 403)),
                new Rule("GET", assignment + "/report-draft", null, null, Map.of("anonymous", 401, "student A", 200,
                        "other student A", 200, "TA A", 403, "admin", 403, "student B", 403, "TA B", 403,
                        "worker A", 403)),
                new Rule("PUT", assignment + "/report-draft", JSON, "{\"markdown\": \"# Draft\", \"baseRevision\":"
                        + " 0}", Map.of("anonymous", 401, "TA A", 403, "student B", 403, "worker A", 403,
                                "student A", 200, "other student A", 200)),
                new Rule("GET", a + "/gradebook/" + assignmentA + "/gradescope.json", null, null, Map.of("anonymous",
                        401, "student A", 403, "TA A", 200, "instructor A", 200, "admin", 200, "TA B", 403,
                        "instructor B", 403, "worker A", 403)),
                new Rule("GET", "/api/courses/" + courseB.id() + "/gradebook/" + assignmentA + "/gradescope.json", null,
                        null, Map.of("instructor B", 404, "instructor A", 403)),
                new Rule("GET", submission, null, null, Map.of("anonymous", 401, "student A", 200, "TA A", 200,
                        "admin", 200, "other student A", 403, "student B", 403, "TA B", 403)),
                new Rule("GET", submission + "/files/report.md", null, null, Map.of("anonymous", 401,
                        "student A", 200, "instructor A", 200, "other student A", 403, "instructor B", 403,
                        "TA B", 403)),
                new Rule("GET", a + "/datasets", null, null, Map.of("anonymous", 401, "student A", 200, "TA A", 200,
                        "admin", 200, "student B", 403, "TA B", 403, "worker A", 403)),
                new Rule("GET", a + "/datasets/tiny/1/manifest", null, null, Map.of("anonymous", 401,
                        "student A", 200, "TA A", 200, "student B", 403, "instructor B", 403, "worker A", 403)),
                new Rule("GET", a + "/datasets/tiny/2/manifest", null, null, Map.of("instructor A", 404)),
                new Rule("POST", a + "/datasets", MULTIPART, TinyDataset.upload("matrix"), Map.of("anonymous", 401,
                        "student A", 403, "instructor B", 403, "TA B", 403, "worker A", 403, "TA A", 201)),
                new Rule("GET", "/api/datasets/shards/" + shardA, null, null, Map.of("anonymous", 401,
                        "student A", 200, "TA A", 200, "admin", 200, "student B", 403, "TA B", 403,
                        "worker A", 403)),
                new Rule("GET", "/api/datasets/shards/" + hiddenShardA, null, null, Map.of("anonymous", 401,
                        "student A", 403, "other student A", 403, "TA A", 200, "instructor A", 200, "admin", 200,
                        "instructor B", 403, "worker A", 403)),
                new Rule("GET", "/api/datasets/shards/" + "0".repeat(64), null, null, Map.of("student A", 404)),
                new Rule("GET", a + "/pretrained", null, null, Map.of("anonymous", 401, "student A", 200, "TA A", 200,
                        "admin", 200, "student B", 403, "TA B", 403, "worker A", 403)),
                new Rule("GET", a + "/pretrained/tiny_base/1/model", null, null, Map.of("anonymous", 401,
                        "student A", 200, "TA A", 200, "admin", 200, "student B", 403, "instructor B", 403,
                        "worker A", 403)),
                new Rule("GET", a + "/pretrained/tiny_base/2/model", null, null, Map.of("instructor A", 404)),
                new Rule("GET", "/api/pretrained/" + pretrainedA, null, null, Map.of("anonymous", 401,
                        "student A", 200, "TA A", 200, "admin", 200, "student B", 403, "TA B", 403,
                        "worker A", 403)),
                new Rule("GET", "/api/pretrained/" + "0".repeat(64), null, null, Map.of("student A", 404)),
                new Rule("POST", a + "/pretrained", MULTIPART, notAModel(), Map.of("anonymous", 401,
                        "student A", 403, "instructor B", 403, "TA B", 403, "worker A", 403, "TA A", 400)));
    }

    /** A pretrained model upload of a text file, which staff are told is not a model file. */
    private static String notAModel() {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n\r\n"
                + "not a model\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nnotes\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n--" + BOUNDARY
                + "--\r\n";
    }

    private Response send(String caller, Rule rule) {
        RequestSpecification request = given();
        if (!"anonymous".equals(caller)) {
            request.auth().oauth2(callers.get(caller).token());
        }
        if (rule.body() != null) {
            request.contentType(rule.contentType()).body(rule.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.request(rule.method(), rule.path());
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private Fixtures.User studentA() {
        return courseA.students().get(0);
    }
}
