package org.backprop.server.review;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.server.fixtures.Homework;

/** Grades a homework submission through the worker API, as a remote worker of the course would. */
public final class Graded {
    private Graded() {
    }

    /**
     * Leases the course's next job with a course worker token and posts a result: "augmentation" with
     * {@code points} and {@code visibility}, "insight" waiting for a TA.
     */
    public static void grade(Homework homework, String workerToken, int points, String visibility) {
        String lease = given().auth().oauth2(workerToken).post("/api/worker/leases").then().statusCode(201)
                .extract().path("leaseId");
        given().auth().oauth2(workerToken).contentType(ContentType.JSON)
                .body(Map.of("summary", "Compiled and ran.", "logs", "", "items", List.of(
                        item("augmentation", "PARTIAL", points, visibility), item("insight", "NEEDS_REVIEW", null,
                                "VISIBLE"))))
                .post("/api/worker/leases/" + lease + "/result").then().statusCode(201);
    }

    private static Map<String, Object> item(String key, String verdict, Integer points, String visibility) {
        Map<String, Object> item = new HashMap<>(Map.of("key", key, "verdict", verdict, "message", "Checked " + key,
                "visibility", visibility));
        item.put("points", points);
        return item;
    }
}
