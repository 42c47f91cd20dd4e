package org.backprop.server.review;

import static org.backprop.server.fixtures.Homework.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.grading.GradingFixtures;
import org.junit.jupiter.api.Test;

/** The review desk's queue: newest submission per team, oldest first, each state as the desk sees it, and filters. */
@QuarkusTest
class ReviewQueueResourceTest {
    @Inject
    Fixtures fixtures;

    private static long submit(Homework homework, int student, String report) {
        return homework.submit(homework.course().students().get(student), report).then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    @Test
    void theQueueFollowsEachSubmissionFromGradingToReviewRegradeAndPublication() {
        Homework homework = Homework.publish(fixtures.cohort(3), "2099-12-14T23:59", 1, 1, 1);
        Fixtures.User ta = homework.course().ta();
        String queue = "/api/courses/" + homework.course().id() + "/review-queue";
        long first = submit(homework, 0, "# First");
        long second = submit(homework, 1, "# Second");
        long third = submit(homework, 2, "# Third, v1");
        long thirdAgain = submit(homework, 2, "# Third, v2");
        as(ta).get(queue).then().statusCode(200).body("total", equalTo(3))
                .body("items.submissionId", equalTo(ids(first, second, thirdAgain)))
                .body("items.state", equalTo(List.of("WAITING", "WAITING", "WAITING")))
                .body("items[2].version", equalTo(2)).body("items[2].versions", equalTo(2))
                .body("items[2].latest", equalTo(true)).body("items[0].teamName", equalTo("Team 0"))
                .body("items[0].assignmentTitle", equalTo("Convnets")).body("items[0].lateBy", equalTo("on time"))
                .body("items[0].creditPercent", equalTo(100)).body("items[0].resultJobId", equalTo(null));
        as(ta).get(queue + "?allVersions=true").then().statusCode(200)
                .body("items.submissionId", equalTo(ids(first, second, third, thirdAgain)))
                .body("items[2].latest", equalTo(false));

        // The worker grades the oldest job: "insight" waits for a TA.
        Graded.grade(homework, GradingFixtures.workerToken(homework.course().instructor(), homework.course().id()), 6,
                "VISIBLE");
        as(ta).get(queue).then().body("items.state", equalTo(List.of("NEEDS_REVIEW", "WAITING", "WAITING")))
                .body("items[0].totalPoints", equalTo(6.0f));
        int job = as(ta).get(queue).then().extract().path("items[0].jobId");
        as(ta).get(queue).then().body("items[0].resultJobId", equalTo(job));
        as(ta).contentType(ContentType.JSON).body(Map.of("points", 4))
                .put("/api/submissions/" + first + "/review/items/insight").then().statusCode(200);
        as(ta).get(queue + "?state=graded").then().statusCode(200).body("total", equalTo(1))
                .body("items.submissionId", equalTo(ids(first))).body("items[0].totalPoints", equalTo(10.0f));
        as(ta).get(queue + "?state=WAITING&size=1&page=1").then().statusCode(200).body("total", equalTo(2))
                .body("page", equalTo(1)).body("size", equalTo(1)).body("items.submissionId", equalTo(ids(thirdAgain)));
        as(ta).get(queue + "?teamId=" + homework.teams().get(1)).then().body("items.submissionId", equalTo(ids(second)));
        as(ta).get(queue + "?assignmentId=" + homework.assignmentId()).then().body("total", equalTo(3));
        as(ta).get(queue + "?assignmentId=999999999").then().statusCode(200).body("total", equalTo(0));

        as(homework.course().instructor()).post("/api/assignments/" + homework.assignmentId() + "/results/publication")
                .then().statusCode(200);
        as(ta).get(queue).then().body("items.state", equalTo(List.of("PUBLISHED", "WAITING", "WAITING")));
        as(homework.course().students().get(0)).contentType(ContentType.JSON)
                .body(Map.of("itemKey", "augmentation", "reason", "Flip is on in the loader."))
                .post("/api/submissions/" + first + "/regrade-requests").then().statusCode(201);
        as(ta).get(queue + "?state=REGRADE_REQUESTED").then().body("items.submissionId", equalTo(ids(first)))
                .body("items[0].openRegrades", equalTo(1));

        as(ta).get(queue + "?state=lost").then().statusCode(400).body("detail", startsWith("\"state\" must be one of"
                + " [WAITING, GRADED, NEEDS_REVIEW, REGRADE_REQUESTED, PUBLISHED], got \"lost\"."));
        as(homework.course().students().get(0)).get(queue).then().statusCode(403)
                .body("detail", equalTo("Only the instructors and TAs of this course can see the review queue."));
        Fixtures.Cohort elsewhere = fixtures.cohort(0);
        as(elsewhere.ta()).get(queue).then().statusCode(403);
        as(elsewhere.ta()).get("/api/courses/" + elsewhere.id() + "/review-queue").then().statusCode(200)
                .body("total", equalTo(0));
    }

    private static List<Integer> ids(long... submissions) {
        return java.util.Arrays.stream(submissions).mapToObj(id -> (int) id).toList();
    }
}
