package org.backprop.server.experiment;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/**
 * The team's experiment log: runs kept as the session's account at the server's time, seen by the team and the
 * course's staff only, and records the reader refuses, malformed bodies and oversized records turned away.
 */
@QuarkusTest
class ExperimentLogTest {
    private static final String SOURCES = "a".repeat(64);

    @Inject
    Fixtures fixtures;

    @Test
    void keepsARunAsTheSessionsAccountAndShowsItToTheTeamAndStaffOnly() {
        Homework homework = Homework.publish(fixtures.cohort(3), "2099-12-14T23:59", 2, 1);
        Fixtures.User runner = homework.course().students().get(0);
        Fixtures.User teammate = homework.course().students().get(1);
        Fixtures.User otherTeam = homework.course().students().get(2);
        long team = homework.teams().get(0);
        String record = Runs.record("baseline", 2026, "baseline");
        // Who ran it and when are the server's to say: these members must be ignored.
        String forged = Runs.body(SOURCES, record, Map.of("accountId", otherTeam.id(), "account", otherTeam.id(),
                "member", Map.of("accountId", otherTeam.id(), "name", otherTeam.name()),
                "recordedAt", "2001-01-01T00:00:00Z", "teamId", homework.teams().get(1)));

        io.restassured.response.Response response = Runs.post(homework, runner, forged);
        response.then().statusCode(201);
        JsonPath kept = response.jsonPath();
        long id = kept.getLong("id");
        assertTrue(response.header("Location").endsWith(Runs.path(homework) + "/" + id), response.header("Location"));
        assertEquals(runner.id(), kept.getLong("member.accountId"));
        assertEquals(runner.name(), kept.getString("member.name"));
        assertEquals(team, kept.getLong("teamId"));
        Instant recordedAt = Instant.parse(kept.getString("recordedAt"));
        assertTrue(Duration.between(recordedAt, Instant.now()).abs().toMinutes() < 5, () -> "the server's clock, got "
                + recordedAt);
        assertEquals(SOURCES, kept.getString("sourceSha256"));
        assertEquals("backprop-run-record", kept.getString("record.format"));
        assertEquals(runner.id(), fixtures.inTransaction(() -> ExperimentRun.<ExperimentRun>findById(id).accountId));

        Homework.as(teammate).get(Runs.path(homework)).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) id))
                .body("items[0].name", equalTo("baseline"))
                .body("items[0].tags", equalTo(List.of("baseline")))
                .body("items[0].seed", equalTo(2026))
                .body("items[0].member.name", equalTo(runner.name()))
                .body("items[0].backend", equalTo("webgpu"))
                .body("items[0].device", equalTo("SwiftShader Device"))
                .body("items[0].dataset", equalTo("rps"))
                .body("items[0].finalMetrics.accuracy", equalTo(0.75f))
                .body("items[0].record", nullValue());
        String whole = Homework.as(teammate).get(Runs.path(homework) + "/" + id).then().statusCode(200)
                .extract().asString();
        assertEquals(RunRecordJson.read(record), RunRecordJson.read(recordOf(whole)), "the whole record, for charts");

        Homework.as(otherTeam).get(Runs.path(homework) + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        Homework.as(otherTeam).get(Runs.path(homework)).then().statusCode(200).body("total", equalTo(0));
        Homework.as(homework.course().ta()).get(staffPath(team, homework)).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].member.accountId", equalTo((int) runner.id()));
        Homework.as(homework.course().ta()).get(staffPath(team, homework) + "/" + id).then().statusCode(200)
                .body("record.name", equalTo("baseline"));
        Homework.as(homework.course().ta()).get(staffPath(homework.teams().get(1), homework) + "/" + id).then()
                .statusCode(404);
        Homework.as(runner).get(staffPath(team, homework)).then().statusCode(403);
        Fixtures.Cohort elsewhere = fixtures.cohort(1);
        Homework.as(elsewhere.ta()).get(staffPath(team, homework)).then().statusCode(403);
        Runs.post(homework, elsewhere.students().get(0), Runs.body(null, record, Map.of())).then().statusCode(403);
        Runs.post(homework, homework.course().ta(), Runs.body(null, record, Map.of())).then().statusCode(403)
                .body("detail", startsWith("Only students of the course keep runs"));
    }

    @Test
    void refusesUnreadableRecordsMalformedBodiesAndOversizedRecords() {
        Homework homework = Homework.publish(fixtures.cohort(2), "2099-12-14T23:59", 1);
        Fixtures.User student = homework.course().students().get(0);
        String unreadable = "{\"format\": \"backprop-run-record\", \"version\": 2, \"name\": \"baseline\"}";
        String readersMessage = assertThrows(IllegalArgumentException.class, () -> RunRecordJson.read(unreadable))
                .getMessage();

        Runs.post(homework, student, Runs.body(null, unreadable, Map.of())).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The run record could not be read: " + readersMessage));
        Runs.post(homework, student, "{\"record\": {\"name\": ").then().statusCode(400)
                .body("detail", startsWith("The request body is not valid JSON"));
        Runs.post(homework, student, "{\"sourceSha256\": null}").then().statusCode(400)
                .body("detail", startsWith("The request has no \"record\""));
        Runs.post(homework, student, Runs.body("ABC", Runs.record("baseline", 1), Map.of())).then().statusCode(400)
                .body("detail", startsWith("\"sourceSha256\" must be a SHA-256"));
        String padded = Runs.record("baseline", 1).replaceFirst("\\{", "{\"padding\": \"" + "x".repeat(2 * 1024 * 1024)
                + "\", ");
        Runs.post(homework, student, Runs.body(null, padded, Map.of())).then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("The run record is 2049 KiB; a run record may be at most 2048 KiB. Record fewer"
                        + " epochs or metrics in one run."));
        byte[] huge = ("{\"record\": {\"padding\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Homework.as(student).contentType(ContentType.JSON).body(huge).post(Runs.path(homework)).then().statusCode(413)
                .body("detail", endsWith("this server accepts at most 2112 KiB."));
        Homework.as(student).get(Runs.path(homework)).then().statusCode(200).body("total", equalTo(0));

        Runs.post(homework, homework.course().students().get(1), Runs.body(null, Runs.record("alone", 1), Map.of()))
                .then().statusCode(409).body("detail", startsWith("You are not in a team of \"Teams\" yet"));
    }

    private static String recordOf(String view) {
        try {
            return new ObjectMapper().readTree(view).get("record").toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String staffPath(long teamId, Homework homework) {
        return "/api/teams/" + teamId + "/assignments/" + homework.assignmentId() + "/runs";
    }
}
