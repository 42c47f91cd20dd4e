package org.backprop.server.review;

import static org.backprop.server.fixtures.Homework.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.PinnedClock;
import org.backprop.server.grading.GradingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scores, overrides and their audit trail; publishing and what students then see; regrade requests. */
@QuarkusTest
class ReviewResourceTest {
    private static final String PROBLEM = "application/problem+json";
    /** Two days ahead, to the minute: API tokens expire, so the clock stays near the present. */
    private static final Instant DUE = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .plus(java.time.Duration.ofDays(2));

    @Inject
    Fixtures fixtures;

    @Inject
    PinnedClock clock;

    @AfterEach
    void runTheClockAgain() {
        clock.release();
    }

    private record Setup(Homework homework, long submission, long otherSubmission) {
        Fixtures.User student() {
            return homework.course().students().get(0);
        }

        Fixtures.User otherStudent() {
            return homework.course().students().get(1);
        }

        Fixtures.User ta() {
            return homework.course().ta();
        }
    }

    /** Two one-student teams, each handed in before the due time; the first graded with "augmentation" at 6/10. */
    private Setup setup(String visibility) {
        // Teams form while the selection is open (now); the clock then moves to the hour before the due time.
        Homework homework = Homework.publish(fixtures.cohort(2), java.time.LocalDateTime.ofInstant(DUE,
                java.time.ZoneId.of("Asia/Seoul")).toString(), 1, 1);
        clock.pin(DUE.minusSeconds(3600));
        long submission = homework.submit(homework.course().students().get(0), "# Report").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String token = GradingFixtures.workerToken(homework.course().instructor(), homework.course().id());
        Graded.grade(homework, token, 6, visibility);
        long other = homework.submit(homework.course().students().get(1), "# Other").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return new Setup(homework, submission, other);
    }

    @Test
    void staffScoreManualItemsAndOverrideOnlyWithACommentAndEveryScoreIsAudited() {
        Setup s = setup("VISIBLE");
        String review = "/api/submissions/" + s.submission() + "/review";
        as(s.ta()).get(review).then().statusCode(200)
                .body("items.key", equalTo(java.util.List.of("augmentation", "insight")))
                .body("items[0].automaticPoints", equalTo(6.0f)).body("items[0].effectivePoints", equalTo(6.0f))
                .body("items[1].verdict", equalTo("NEEDS_REVIEW")).body("items[1].effectivePoints", equalTo(null))
                .body("totalPoints", equalTo(6.0f)).body("published", equalTo(false));
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("points", 4)).put(review + "/items/insight").then()
                .statusCode(200).body("effectivePoints", equalTo(4.0f)).body("scoredPoints", equalTo(4.0f));
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("points", 9)).put(review + "/items/augmentation").then()
                .statusCode(400).contentType(PROBLEM).body("detail", equalTo("\"comment\" is required: item"
                        + " \"augmentation\" already has 6.00 points, and changing them needs a reason the team can read."));
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("points", 11, "comment", "x"))
                .put(review + "/items/augmentation").then().statusCode(400)
                .body("detail", equalTo("\"points\" must be at most 10.00, the points of item \"augmentation\"."));
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("comment", "x")).put(review + "/items/augmentation")
                .then().statusCode(400).body("detail", equalTo("\"points\" is required."));
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("points", 1, "comment", "x")).put(review + "/items/nope")
                .then().statusCode(404);
        as(s.ta()).contentType(ContentType.JSON).body("{\"points\": ").put(review + "/items/insight").then()
                .statusCode(400).contentType(PROBLEM);
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("points", 9, "comment", "Flip is on in the loader."))
                .put(review + "/items/augmentation").then().statusCode(200).body("automaticPoints", equalTo(6.0f))
                .body("effectivePoints", equalTo(9.0f)).body("scoreComment", equalTo("Flip is on in the loader."));
        as(s.ta()).get(review + "/history").then().statusCode(200).body("$", hasSize(2))
                .body("[0].itemKey", equalTo("insight")).body("[0].oldPoints", equalTo(null))
                .body("[1].oldPoints", equalTo(6.0f)).body("[1].newPoints", equalTo(9.0f))
                .body("[1].scoredBy", equalTo((int) s.ta().id()));
        as(s.ta()).get(review).then().body("totalPoints", equalTo(13.0f));
        as(s.student()).get(review).then().statusCode(403);
        // The audit trail holds even against the application itself.
        assertThrows(RuntimeException.class, () -> fixtures.inTransaction(() -> ReviewScore.update(
                "newPoints = 0 where submissionId = ?1", s.submission())));
    }

    @Test
    void studentsSeeTheirTeamsVisibleItemsOnlyOncePublished() {
        Setup s = setup("AFTER_DUE");
        String results = "/api/submissions/" + s.submission() + "/results";
        as(s.student()).get(results).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("The results of \"Convnets\" are not published yet."));
        as(s.ta()).post("/api/assignments/" + s.homework().assignmentId() + "/results/publication").then()
                .statusCode(403);
        as(s.homework().course().instructor()).post("/api/assignments/" + s.homework().assignmentId()
                + "/results/publication").then().statusCode(200).body("publishedAt", equalTo(clock.instant().toString()));
        as(s.student()).get(results).then().statusCode(200).body("items.key", equalTo(java.util.List.of("insight")));
        clock.pin(DUE.minusSeconds(1));
        as(s.student()).get(results).then().statusCode(200).body("items", hasSize(1));
        clock.pin(DUE);
        as(s.student()).get(results).then().statusCode(200)
                .body("items.key", equalTo(java.util.List.of("augmentation", "insight")))
                .body("items[0].points", equalTo(6.0f)).body("totalPoints", equalTo(6.0f));
        as(s.otherStudent()).get(results).then().statusCode(403).contentType(PROBLEM);
        Fixtures.Cohort elsewhere = fixtures.cohort(1);
        as(elsewhere.ta()).get(results).then().statusCode(403);
        as(elsewhere.ta()).get("/api/submissions/" + s.submission() + "/review").then().statusCode(403);
    }

    @Test
    void hiddenItemsNeverShowAndCannotBeAskedAbout() {
        Setup s = setup("HIDDEN");
        as(s.homework().course().instructor()).post("/api/assignments/" + s.homework().assignmentId()
                + "/results/publication").then().statusCode(200);
        clock.pin(DUE.plusSeconds(3600));
        as(s.student()).get("/api/submissions/" + s.submission() + "/results").then().statusCode(200)
                .body("items.key", equalTo(java.util.List.of("insight")));
        as(s.student()).contentType(ContentType.JSON).body(Map.of("itemKey", "augmentation", "reason", "Why?"))
                .post("/api/submissions/" + s.submission() + "/regrade-requests").then().statusCode(404);
    }

    @Test
    void aTaAnswersRegradeRequestsOpenOnesListedFirst() {
        Setup s = setup("VISIBLE");
        String asks = "/api/submissions/" + s.submission() + "/regrade-requests";
        Map<String, String> ask = Map.of("itemKey", "augmentation", "reason", "We flip and crop in Main.java:40.");
        as(s.student()).contentType(ContentType.JSON).body(ask).post(asks).then().statusCode(404);
        as(s.homework().course().instructor()).post("/api/assignments/" + s.homework().assignmentId()
                + "/results/publication").then().statusCode(200);
        as(s.student()).contentType(ContentType.JSON).body(Map.of("itemKey", "augmentation")).post(asks).then()
                .statusCode(400).body("detail", equalTo("\"reason\" is required."));
        as(s.otherStudent()).contentType(ContentType.JSON).body(ask).post(asks).then().statusCode(403);
        long first = as(s.student()).contentType(ContentType.JSON).body(ask).post(asks).then().statusCode(201)
                .body("state", equalTo("OPEN")).extract().jsonPath().getLong("id");
        as(s.student()).contentType(ContentType.JSON).body(ask).post(asks).then().statusCode(409);
        long second = as(s.student()).contentType(ContentType.JSON)
                .body(Map.of("itemKey", "insight", "reason", "Please read section 3.")).post(asks).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        String answer = "/api/regrade-requests/" + first + "/answer";
        as(s.student()).contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "comment", "no"))
                .post(answer).then().statusCode(403);
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT", "comment", "Right."))
                .post(answer).then().statusCode(400)
                .body("detail", equalTo("\"points\" is required to accept a regrade request."));
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT", "points", 10, "comment",
                "Right, both are on.", "rerun", true)).post(answer).then().statusCode(200)
                .body("state", equalTo("ACCEPTED")).body("answer", equalTo("Right, both are on."));
        as(s.ta()).get("/api/submissions/" + s.submission() + "/review").then()
                .body("items[0].effectivePoints", equalTo(10.0f))
                .body("items[0].scoreComment", equalTo("Right, both are on."));
        as(s.ta()).contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "comment", "again")).post(answer)
                .then().statusCode(409);
        as(s.ta()).get("/api/courses/" + s.homework().course().id() + "/regrade-requests").then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of((int) second, (int) first)))
                .body("items[1].rerunJobId", org.hamcrest.Matchers.notNullValue());
        as(s.student()).get("/api/courses/" + s.homework().course().id() + "/regrade-requests").then()
                .statusCode(403);
    }
}
