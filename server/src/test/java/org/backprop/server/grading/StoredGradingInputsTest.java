package org.backprop.server.grading;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/** From a real submission to a worker's lease: the queue reads the snapshot and the rubric from the stores. */
@QuarkusTest
class StoredGradingInputsTest {
    @Inject
    Fixtures fixtures;

    @Test
    void aWorkerLeasesWhatTheTeamSubmittedWithTheAssignmentsRubric() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        String runs = "[{\"name\": \"baseline\", \"seed\": 7}, {\"name\": \"no-augmentation\", \"seed\": 7}]";
        long submission = Homework.submission(homework.course().students().get(0), "# Our report")
                .multiPart("runs", "runs.json", runs.getBytes(StandardCharsets.UTF_8), "application/json")
                .post(homework.submissionsPath()).then().statusCode(201).extract().jsonPath().getLong("id");
        String token = GradingFixtures.workerToken(homework.course().instructor(), homework.course().id());

        JsonPath lease = given().auth().oauth2(token).post("/api/worker/leases").then().statusCode(201)
                .extract().jsonPath();

        assertEquals(submission, lease.getLong("submissionId"));
        assertEquals("Main", lease.getString("mainClass"));
        assertEquals(Map.of("Main.java", Homework.MAIN), lease.getMap("files"));
        assertEquals("# Our report", lease.getString("report"));
        assertEquals(List.of("{\"name\":\"baseline\",\"seed\":7}", "{\"name\":\"no-augmentation\",\"seed\":7}"),
                lease.getList("runRecords"));
        assertEquals(List.of("augmentation", "insight"), lease.getList("rubric.key"));
        assertEquals(List.of("augmentation-active", "manual"), lease.getList("rubric.check"));
    }
}
