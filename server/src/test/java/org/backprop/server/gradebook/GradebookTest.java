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

        given().auth().oauth2(onTime.token()).get("/api/courses/" + homework.course().id() + "/gradebook.csv")
                .then().statusCode(403);
    }

    private void rename(Fixtures.User user, String name) {
        fixtures.inTransaction(() -> {
            Account.<Account>findById(user.id()).displayName = name;
            return null;
        });
    }
}
