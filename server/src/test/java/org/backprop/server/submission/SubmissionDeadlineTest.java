package org.backprop.server.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Late credit decided by the server's clock, pinned to the second: 100% up to and including the due time,
 * 80% for 24 h, 50% up to 72 h, then closed; in two time zones, one of them across a daylight-saving change.
 */
@QuarkusTest
class SubmissionDeadlineTest {
    @Inject
    Fixtures fixtures;

    @Inject
    PinnedClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void creditFallsStepByStepToTheSecondInSeoul() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2026-12-14T23:59", 1);
        Instant due = Instant.parse("2026-12-14T14:59:00Z");
        Fixtures.User student = homework.course().students().get(0);

        assertCredit(homework, student, due.minusSeconds(1), 100, 0, "2026-12-14T23:58:59+09:00");
        assertCredit(homework, student, due, 100, 0, "2026-12-14T23:59:00+09:00");
        assertCredit(homework, student, due.plusSeconds(1), 80, 1, "2026-12-14T23:59:01+09:00");
        assertCredit(homework, student, due.plus(Duration.ofHours(24)), 80, 86400, "2026-12-15T23:59:00+09:00");
        assertCredit(homework, student, due.plus(Duration.ofHours(24)).plusSeconds(1), 50, 86401,
                "2026-12-15T23:59:01+09:00");
        assertCredit(homework, student, due.plus(Duration.ofHours(72)), 50, 259200, "2026-12-17T23:59:00+09:00");

        clock.pin(due.plus(Duration.ofHours(72)).plusSeconds(1));
        homework.submit(student, "# Too late").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.startsWith("The deadline for \"Convnets\" closed at"
                        + " 2026-12-17 23:59:00 (Asia/Seoul time)"));
        assertEquals(6, versions(homework, student), "every accepted submission, none of the refused");
    }

    @Test
    void windowsAreHoursAfterTheDueTimeAcrossADaylightSavingChange() {
        // New York leaves daylight saving time on 2026-11-01 at 02:00: the windows stay 24 and 72 real hours.
        Homework homework = Homework.publish(fixtures.cohort(1, "America/New_York"), "2026-10-31T23:59", 1);
        Instant due = Instant.parse("2026-11-01T03:59:00Z");
        Fixtures.User student = homework.course().students().get(0);

        assertCredit(homework, student, due, 100, 0, "2026-10-31T23:59:00-04:00");
        assertCredit(homework, student, due.plus(Duration.ofHours(24)).plusSeconds(1), 50, 86401,
                "2026-11-01T22:59:01-05:00");
        clock.pin(due.plus(Duration.ofHours(72)).plusSeconds(1));
        homework.submit(student, "# Too late").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.startsWith("The deadline for \"Convnets\" closed at"
                        + " 2026-11-03 22:59:00 (America/New_York time)"));
    }

    @Test
    void aTeamExtensionShiftsTheWholeTimelineForEveryMember() {
        Homework homework = Homework.publish(fixtures.cohort(2), "2026-12-14T23:59", 2);
        Instant due = Instant.parse("2026-12-14T14:59:00Z");
        grant(homework, Map.of("teamId", homework.teams().get(0), "hours", 48, "reason", "Illness, note seen"))
                .then().statusCode(201);

        assertCredit(homework, homework.course().students().get(0), due.plus(Duration.ofHours(48)), 100, 0,
                "2026-12-16T23:59:00+09:00");
        assertCredit(homework, homework.course().students().get(1), due.plus(Duration.ofHours(48)).plusSeconds(1),
                80, 1, "2026-12-16T23:59:01+09:00");
        clock.pin(due.plus(Duration.ofHours(48 + 72)).plusSeconds(1));
        homework.submit(homework.course().students().get(0), "# Late").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("2026-12-19 23:59:00 (Asia/Seoul time), your"
                        + " extension included"));
    }

    @Test
    void aStudentExtensionCoversTheirOwnSubmissionsOnlyAndTheNewestGrantCounts() {
        Homework homework = Homework.publish(fixtures.cohort(2), "2026-12-14T23:59", 2);
        Instant due = Instant.parse("2026-12-14T14:59:00Z");
        Fixtures.User extended = homework.course().students().get(0);
        grant(homework, Map.of("accountId", extended.id(), "hours", 24, "reason", "Funeral"))
                .then().statusCode(201);

        assertCredit(homework, extended, due.plusSeconds(1), 100, 0, "2026-12-14T23:59:01+09:00");
        assertCredit(homework, homework.course().students().get(1), due.plusSeconds(1), 80, 1,
                "2026-12-14T23:59:01+09:00");

        clock.pin(due.plus(Duration.ofMinutes(5)));
        grant(homework, Map.of("accountId", extended.id(), "hours", 0, "reason", "Granted by mistake"))
                .then().statusCode(201);
        assertCredit(homework, extended, due.plusSeconds(2), 80, 2, "2026-12-14T23:59:02+09:00");
        Homework.as(homework.course().ta()).get("/api/assignments/" + homework.assignmentId() + "/extensions").then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2))
                .body("items[0].reason", org.hamcrest.Matchers.equalTo("Granted by mistake"))
                .body("items[0].extraSeconds", org.hamcrest.Matchers.equalTo(0))
                .body("items[0].grantedAt", org.hamcrest.Matchers.equalTo("2026-12-14T15:04:00Z"))
                .body("items[1].extraSeconds", org.hamcrest.Matchers.equalTo(86400))
                .body("items[1].grantedBy", org.hamcrest.Matchers.equalTo(homework.course().instructor().name()));
    }

    @Test
    void myDeadlineShowsTheTimelineWithMyExtensionInMyCoursesZone() {
        Homework homework = Homework.publish(fixtures.cohort(1), "2026-12-14T23:59", 1);
        grant(homework, Map.of("teamId", homework.teams().get(0), "hours", 24, "reason", "Server outage"))
                .then().statusCode(201);
        Homework.as(homework.course().students().get(0))
                .get("/api/assignments/" + homework.assignmentId() + "/my-deadline").then().statusCode(200)
                .body("timeZone", org.hamcrest.Matchers.equalTo("Asia/Seoul"))
                .body("dueAt", org.hamcrest.Matchers.equalTo("2026-12-15T14:59:00Z"))
                .body("dueLocal", org.hamcrest.Matchers.equalTo("2026-12-15T23:59:00+09:00"))
                .body("windows.creditPercent", org.hamcrest.Matchers.contains(100, 80, 50))
                .body("closesLocal", org.hamcrest.Matchers.equalTo("2026-12-18T23:59:00+09:00"))
                .body("extensionSeconds", org.hamcrest.Matchers.equalTo(86400));
    }

    private void assertCredit(Homework homework, Fixtures.User student, Instant at, int credit, long lateSeconds,
            String local) {
        clock.pin(at);
        Response response = homework.submit(student, "# Report at " + at);
        response.then().statusCode(201);
        String call = "submission at " + at;
        assertEquals(credit, response.jsonPath().getInt("creditPercent"), call + ": credit");
        assertEquals(lateSeconds, response.jsonPath().getLong("lateSeconds"), call + ": late seconds");
        assertEquals(at.toString(), response.jsonPath().getString("receivedAt"), call + ": received at (UTC)");
        assertEquals(local, response.jsonPath().getString("receivedAtLocal"), call + ": received at (course zone)");
    }

    private static Response grant(Homework homework, Map<String, Object> body) {
        return Homework.as(homework.course().instructor()).contentType(ContentType.JSON).body(body)
                .post("/api/assignments/" + homework.assignmentId() + "/extensions");
    }

    private static int versions(Homework homework, Fixtures.User student) {
        return Homework.as(student).get(homework.submissionsPath()).then().statusCode(200).extract().path("total");
    }
}
