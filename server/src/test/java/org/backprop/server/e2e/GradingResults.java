package org.backprop.server.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.grading.GradingJob;
import org.backprop.server.grading.JobState;

/** Waits for a submission's grading through the real queue and reads its result as staff do. */
final class GradingResults {
    private GradingResults() {
    }

    /** Waits up to {@code limit} for the submission's job to finish and returns its result as {@code staff} read it. */
    static JsonPath await(Fixtures fixtures, long submission, Fixtures.User staff, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            GradingJob job = fixtures.inTransaction(() -> GradingJob.<GradingJob>find("submissionId", submission)
                    .firstResult());
            if (job != null && job.state == JobState.DONE) {
                return given().auth().oauth2(staff.token()).get("/api/grading/jobs/" + job.id + "/result")
                        .then().statusCode(200).extract().jsonPath();
            }
            assertTrue(job == null || job.state != JobState.FAILED, () -> "job failed: " + job.lastError);
            assertTrue(System.nanoTime() < deadline, "the job did not finish within " + limit);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
