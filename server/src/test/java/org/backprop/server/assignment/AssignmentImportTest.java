package org.backprop.server.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publishing assignments from the server's folder and from uploads, re-importing, and editing deadlines. */
@QuarkusTest
class AssignmentImportTest {
    @Inject
    Fixtures fixtures;

    @Inject
    PinnedClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void publishesTheCoursesHomeworkFromTheServersFolder() {
        Fixtures.Cohort course = fixtures.cohort(1);
        clock.pin(Instant.parse("2026-11-23T03:00:00Z"));
        Response published = as(course.instructor()).post(imports(course) + "/hw-convnets");

        published.then().statusCode(201)
                .body("slug", equalTo("hw-convnets"))
                .body("mainClass", equalTo("Main"))
                .body("totalPoints", equalTo(100))
                .body("deadline.timeZone", equalTo("Asia/Seoul"))
                .body("deadline.dueAt", equalTo("2026-12-07T14:59:00Z"))
                .body("deadline.dueLocal", equalTo("2026-12-07T23:59:00+09:00"))
                .body("deadline.windows.creditPercent", contains(100, 80, 50))
                .body("deadline.closesLocal", equalTo("2026-12-10T23:59:00+09:00"))
                .body("datasets.name", contains("rock_paper_scissors", "tf_flowers", "cats_vs_dogs"))
                .body("datasets[0].hiddenSplit", equalTo("test"))
                .body("datasets[0].importedVersion", nullValue())
                .body("datasets[0].problem", equalTo("No dataset named rock_paper_scissors has been imported into this"
                        + " course yet: import it before students need it."))
                .body("starterFiles", contains("Main.java", "model/Components.java", "model/ConvNet.java"))
                .body("rubric.check", hasItem("ablation"))
                .body("rubric[0].params.layers", contains("RandomFlip", "RandomRotation", "RandomZoom"));
        long id = published.jsonPath().getLong("id");
        as(course.students().get(0)).get("/api/assignments/" + id).then().statusCode(200)
                .body("rubric[0].params", nullValue())
                .body("rubric[0].description", startsWith("The final model uses data augmentation"));
        as(course.students().get(0)).get("/api/courses/" + course.id() + "/team-sets").then().statusCode(200)
                .body("items.name", contains("Homework teams"));
    }

    @Test
    void theStarterCompilesWithTheCompileService() {
        Fixtures.Cohort course = fixtures.cohort(1);
        long id = as(course.instructor()).post(imports(course) + "/hw-convnets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, String> starter = as(course.students().get(0)).get("/api/assignments/" + id + "/starter").then()
                .statusCode(200).extract().jsonPath().getMap("");

        as(course.students().get(0)).contentType(ContentType.JSON).body(Map.of("mainClass", "Main", "files", starter))
                .post("/api/compile").then().statusCode(200).body("diagnostics.severity", org.hamcrest.Matchers
                        .not(hasItem("ERROR")));
    }

    @Test
    void reImportUpdatesTheSpecButKeepsEditedDeadlinesAndSubmissions() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        String path = "/api/assignments/" + homework.assignmentId();
        homework.submit(homework.course().students().get(0), "# v1").then().statusCode(201);
        as(homework.course().instructor()).contentType(ContentType.JSON)
                .body("{\"dueAt\": \"2099-12-20T14:59:00Z\", \"lateCredit\": [{\"until\": \"12h\", \"credit\": 70}]}")
                .put(path + "/deadline").then().statusCode(200)
                .body("deadline.dueLocal", equalTo("2099-12-20T23:59:00+09:00"))
                .body("deadline.windows.creditPercent", contains(100, 70));

        as(homework.course().instructor()).contentType(ContentType.JSON)
                .body(Map.of("id", "hw", "files", Map.of("assignment.yaml", Homework.spec("2099-01-01T00:00")
                        .replace("title: Convnets", "title: Convnets, revised"), "Main.java", Homework.MAIN)))
                .post(imports(homework.course())).then().statusCode(200)
                .body("id", equalTo((int) homework.assignmentId()))
                .body("title", equalTo("Convnets, revised"))
                .body("deadline.dueAt", equalTo("2099-12-20T14:59:00Z"))
                .body("deadline.windows.creditPercent", contains(100, 70));
        as(homework.course().ta()).get(homework.submissionsPath()).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void refusesAnInvalidSpecWithEveryErrorAndItsPath() {
        Fixtures.Cohort course = fixtures.cohort(1);
        String yaml = Homework.spec("2099-12-14T23:59").replace("check: manual", "check: vibes")
                .replace("points: 10", "points: -10");
        as(course.instructor()).contentType(ContentType.JSON)
                .body(Map.of("id", "bad", "files", Map.of("assignment.yaml", yaml, "Main.java", Homework.MAIN)))
                .post(imports(course)).then().statusCode(422).contentType("application/problem+json")
                .body("errors.path", contains("rubric[0].points", "rubric[1].check"))
                .body("errors[0].message", equalTo("must not be negative, got -10"))
                .body("detail", startsWith("assignment.yaml has 2 errors: rubric[0].points: must not be negative"));
    }

    @Test
    void refusesPathsOutsideTheFolder() {
        Fixtures.Cohort course = fixtures.cohort(1);
        as(course.instructor()).contentType(ContentType.JSON)
                .body(Map.of("id", "hw", "files", Map.of("assignment.yaml", Homework.spec("2099-12-14T23:59"),
                        "../../etc/passwd", "x")))
                .post(imports(course)).then().statusCode(400)
                .body("detail", startsWith("\"files\" has the path \"../../etc/passwd\""));
        as(course.instructor()).post(imports(course) + "/..%2F..%2Fetc").then().statusCode(400)
                .contentType("application/problem+json");
        as(course.instructor()).post(imports(course) + "/no-such-assignment").then().statusCode(404)
                .body("detail", startsWith("The server's assignments folder has no assignment \"no-such-assignment\""));
        as(course.instructor()).contentType(ContentType.JSON).body("{\"id\": \"hw\", \"files\": [1]}")
                .post(imports(course)).then().statusCode(400).body("detail", equalTo("The field \"files\" has the"
                        + " wrong type."));
    }

    @Test
    void refusesDeadlineEditsThatDoNotIncrease() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2099-12-14T23:59", 1);
        as(homework.course().instructor()).contentType(ContentType.JSON)
                .body("{\"dueAt\": \"2099-12-20T14:59:00Z\", \"lateCredit\": [{\"until\": \"2d\", \"credit\": 80},"
                        + " {\"until\": \"24h\", \"credit\": 50}]}")
                .put("/api/assignments/" + homework.assignmentId() + "/deadline").then().statusCode(400)
                .body("detail", equalTo("\"lateCredit[1].until\" must be later than the step before it: the timeline"
                        + " must increase."));
    }

    private static String imports(Fixtures.Cohort course) {
        return "/api/courses/" + course.id() + "/assignments/import";
    }

    private static io.restassured.specification.RequestSpecification as(Fixtures.User user) {
        return given().auth().oauth2(user.token()).when();
    }
}
