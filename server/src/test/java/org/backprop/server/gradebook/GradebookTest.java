package org.backprop.server.gradebook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.backprop.server.account.Account;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.PinnedClock;
import org.backprop.server.grading.GradingFixtures;
import org.backprop.server.review.Graded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each student's score per assignment: the team's effective points times its late credit, and the CSV of it. */
@QuarkusTest
class GradebookTest {
    /** Two days ahead, to the minute: API tokens expire, so the clock stays near the present. */
    private static final Instant DUE = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(2));

    @Inject
    Fixtures fixtures;

    @Inject
    PinnedClock clock;

    @AfterEach
    void runTheClockAgain() {
        clock.release();
    }

    @Test
    void scoresTeamsWithOverridesAndLateCreditAndExportsThemAsCsv() {
        Homework homework = Homework.publish(fixtures.cohort(3), LocalDateTime.ofInstant(DUE, ZoneId.of("Asia/Seoul"))
                .toString(), 1, 1);
        Fixtures.User onTime = homework.course().students().get(0);
        Fixtures.User late = homework.course().students().get(1);
        Fixtures.User teamless = homework.course().students().get(2);
        rename(onTime, "Kim, \"Minji\"");
        rename(late, "=HYPERLINK(\"x\")");
        String token = GradingFixtures.workerToken(homework.course().instructor(), homework.course().id());

        clock.pin(DUE.minusSeconds(60));
        long first = homework.submit(onTime, "# On time").then().statusCode(201).extract().jsonPath().getLong("id");
        Graded.grade(homework, token, 6, "VISIBLE");
        given().auth().oauth2(homework.course().ta().token()).contentType(ContentType.JSON)
                .body(Map.of("points", 4)).put("/api/submissions/" + first + "/review/items/insight")
                .then().statusCode(200);
        clock.pin(DUE.plus(Duration.ofHours(1)));
        homework.submit(late, "# Late").then().statusCode(201).body("creditPercent", org.hamcrest.Matchers.equalTo(80));
        Graded.grade(homework, token, 5, "VISIBLE");

        String csv = given().auth().oauth2(homework.course().instructor().token())
                .get("/api/courses/" + homework.course().id() + "/gradebook.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();

        // 6 + 4 = 10 points on time, 5 points at 80% late, nothing for the student without a team; rows come in
        // the order the JSON gradebook lists the students (by e-mail, in the database's collation).
        Map<String, String> rows = Map.of(
                onTime.email(), onTime.email() + ",\"Kim, \"\"Minji\"\"\",10.00",
                late.email(), late.email() + ",\"'=HYPERLINK(\"\"x\"\")\",4.00",
                teamless.email(), teamless.email() + "," + teamless.name() + ",");
        java.util.List<String> order = given().auth().oauth2(homework.course().ta().token())
                .get("/api/courses/" + homework.course().id() + "/gradebook").then().statusCode(200)
                .body("assignments[0].maxPoints", org.hamcrest.Matchers.equalTo(15.0f))
                .extract().jsonPath().getList("students.email");
        StringBuilder expected = new StringBuilder("email,name," + homework.assignmentId() + "\r\n");
        for (String email : order) {
            expected.append(rows.get(email)).append("\r\n");
        }
        assertEquals(3, order.size());
        assertEquals(expected.toString(), csv);
        // Each score says how it came about: the points before late credit, the credit, and the overridden items.
        io.restassured.path.json.JsonPath book = given().auth().oauth2(homework.course().ta().token())
                .get("/api/courses/" + homework.course().id() + "/gradebook").then().statusCode(200).extract()
                .jsonPath();
        String cell = "students.find { it.email == '%s' }.cells[0]";
        assertEquals(first, book.getLong(cell.formatted(onTime.email()) + ".submissionId"));
        assertEquals("10.0/100/1", book.getString(cell.formatted(onTime.email()) + ".points") + "/"
                + book.getInt(cell.formatted(onTime.email()) + ".creditPercent") + "/"
                + book.getInt(cell.formatted(onTime.email()) + ".overrides"));
        assertEquals("5.0/80/0", book.getString(cell.formatted(late.email()) + ".points") + "/"
                + book.getInt(cell.formatted(late.email()) + ".creditPercent") + "/"
                + book.getInt(cell.formatted(late.email()) + ".overrides"));
        assertEquals(null, book.getString(cell.formatted(teamless.email())));

        given().auth().oauth2(onTime.token()).get("/api/courses/" + homework.course().id() + "/gradebook.csv")
                .then().statusCode(403);
    }

    @Test
    void exportsAGradedPublishedResultInGradescopesShape() {
        Homework homework = Homework.publish(fixtures.cohort(3), "2099-12-14T23:59", 2, 1);
        Fixtures.User first = homework.course().students().get(0);
        Fixtures.User second = homework.course().students().get(1);
        String token = GradingFixtures.workerToken(homework.course().instructor(), homework.course().id());
        long submission = homework.submit(first, "# Report").then().statusCode(201).extract().jsonPath().getLong("id");
        Graded.grade(homework, token, 6, "AFTER_DUE");
        given().auth().oauth2(homework.course().ta().token()).contentType(ContentType.JSON)
                .body(Map.of("points", 4, "comment", "Clear ablation table.")).put("/api/submissions/" + submission
                        + "/review/items/insight").then().statusCode(200);
        given().auth().oauth2(homework.course().instructor().token()).post("/api/assignments/"
                + homework.assignmentId() + "/results/publication").then().statusCode(200);
        String path = "/api/courses/" + homework.course().id() + "/gradebook/" + homework.assignmentId()
                + "/gradescope.json";

        io.restassured.path.json.JsonPath export = given().auth().oauth2(homework.course().ta().token()).get(path)
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/json"))
                .extract().jsonPath();

        assertEquals(homework.assignmentId(), export.getLong("assignmentId"));
        assertEquals(1, export.getList("teams").size(), "the team without a submission is left out");
        assertEquals(homework.teams().get(0), export.getLong("teams[0].teamId"));
        assertEquals(submission, export.getLong("teams[0].submissionId"));
        assertEquals(java.util.stream.Stream.of(first.email(), second.email()).sorted().toList(),
                export.getList("teams[0].emails"));
        Map<String, Object> results = export.getMap("teams[0].results");
        assertEquals(java.util.Set.of("score", "output", "visibility", "tests"), results.keySet());
        assertEquals(10.0f, export.getFloat("teams[0].results.score"));
        assertEquals("Compiled and ran.", results.get("output"));
        assertEquals("visible", results.get("visibility"));
        assertEquals(java.util.List.of(
                Map.of("name", "Augmentation is on in training", "score", 6.0f, "max_score", 10.0f,
                        "output", "Checked augmentation", "visibility", "after_due_date"),
                Map.of("name", "Read by a TA", "score", 4.0f, "max_score", 5.0f,
                        "output", "Checked insight\nReviewer: Clear ablation table.", "visibility", "visible")),
                export.getList("teams[0].results.tests"));

        given().auth().oauth2(first.token()).get(path).then().statusCode(403).contentType("application/problem+json");
        Fixtures.Cohort elsewhere = fixtures.cohort(1);
        given().auth().oauth2(elsewhere.instructor().token()).get("/api/courses/" + elsewhere.id() + "/gradebook/"
                + homework.assignmentId() + "/gradescope.json").then().statusCode(404);
    }

    private void rename(Fixtures.User user, String name) {
        fixtures.inTransaction(() -> {
            Account.<Account>findById(user.id()).displayName = name;
            return null;
        });
    }
}
