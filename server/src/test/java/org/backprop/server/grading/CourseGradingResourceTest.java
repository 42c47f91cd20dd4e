package org.backprop.server.grading;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an instructor sees of the queue on a deadline night: depth, ages, leases and failures, to the second. */
@QuarkusTest
class CourseGradingResourceTest {
    private static final Instant T0 = Instant.parse("2025-06-01T14:59:00Z");

    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Inject
    GradingQueue queue;

    @Inject
    PinnedClock clock;

    @AfterEach
    void runTheClockAgain() {
        clock.release();
    }

    @Test
    void showsDepthAgesLeasesAndFailures() {
        clock.pin(T0);
        Fixtures.Cohort cohort = fixtures.cohort(1);
        long team = grading.team(cohort, 1);
        long assignment = grading.assignment(GradingFixtures.RUBRIC);
        LeaseHolder worker = new LeaseHolder(null, "gpu-1", cohort.id());
        long failing = queue.enqueue(1, assignment, team, JobReason.SUBMISSION, null, 0).id;
        queue.fail(queue.lease(worker).orElseThrow().attempt().leaseId, worker, "The report is not UTF-8.", null, false);
        clock.advance(Duration.ofSeconds(30));
        queue.enqueue(2, assignment, team, JobReason.SUBMISSION, null, 0);
        queue.lease(worker).orElseThrow();
        clock.advance(Duration.ofSeconds(15));
        queue.enqueue(3, assignment, team, JobReason.SUBMISSION, null, 0);
        queue.enqueue(4, assignment, team, JobReason.SUBMISSION, null, 0);
        clock.advance(Duration.ofSeconds(100));

        String url = "/api/courses/" + cohort.id() + "/grading/queue";
        given().auth().oauth2(cohort.instructor().token()).get(url).then().statusCode(200)
                .body("queued", equalTo(2))
                .body("oldestQueuedAt", equalTo("2025-06-01T14:59:45Z"))
                .body("oldestQueuedAgeSeconds", equalTo(100))
                .body("leased", equalTo(1))
                .body("expiredLeases", equalTo(0))
                .body("done", equalTo(0))
                .body("failed", equalTo(1))
                .body("recentFailures[0].id", equalTo((int) failing))
                .body("recentFailures[0].lastError", equalTo("Automatic grading gave up after 1 attempt: The report is"
                        + " not UTF-8. A TA will grade your submission."));
        given().auth().oauth2(cohort.ta().token()).queryParam("state", "FAILED")
                .get("/api/courses/" + cohort.id() + "/grading/jobs").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) failing));

        clock.advance(Duration.ofMinutes(10));
        given().auth().oauth2(cohort.ta().token()).get(url).then().statusCode(200)
                .body("leased", equalTo(1)).body("expiredLeases", equalTo(1));
    }

    @Test
    void anEmptyQueueHasNoAge() {
        Fixtures.Cohort cohort = fixtures.cohort(0);
        given().auth().oauth2(cohort.instructor().token()).get("/api/courses/" + cohort.id() + "/grading/queue")
                .then().statusCode(200).body("queued", equalTo(0)).body("oldestQueuedAgeSeconds", nullValue());
    }

    @Test
    void refusesAStateThatDoesNotExist() {
        Fixtures.Cohort cohort = fixtures.cohort(0);
        given().auth().oauth2(cohort.instructor().token()).queryParam("state", "LOST")
                .get("/api/courses/" + cohort.id() + "/grading/jobs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("\"state\" must be one of [QUEUED, LEASED, DONE, FAILED], got \"LOST\"."));
    }
}
