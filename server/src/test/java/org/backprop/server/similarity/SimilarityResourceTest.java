package org.backprop.server.similarity;

import static org.backprop.server.fixtures.Homework.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.junit.jupiter.api.Test;

/** Similarity over the newest submission of every team, starter files as base code, kept as the latest report. */
@QuarkusTest
class SimilarityResourceTest {
    @Inject
    Fixtures fixtures;

    private static long submit(Homework homework, int team, String net) {
        return JavaHomework.submit(homework, homework.course().students().get(team), net, "# Report").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> pair(JsonPath report, long teamA, long teamB) {
        List<Map<String, Object>> pairs = report.getList("pairs");
        return pairs.stream().filter(pair -> Set.of(teamA, teamB).equals(Set.of(id(pair, "teamA"), id(pair, "teamB"))))
                .findFirst().orElseThrow(() -> new AssertionError("no pair of teams " + teamA + " and " + teamB
                        + " in " + report.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static long id(Map<String, Object> pair, String side) {
        return ((Number) ((Map<String, Object>) pair.get(side)).get("id")).longValue();
    }

    private static double similarity(Map<String, Object> pair) {
        return ((Number) pair.get("similarity")).doubleValue();
    }

    @Test
    void theCopyIsFlaggedTheHonestTeamIsNotAndTheStarterNeverCounts() {
        Homework homework = Homework.publish(fixtures.cohort(5), JavaHomework.folder("2099-12-14T23:59"), 1, 1, 1, 1, 1);
        List<Long> teams = homework.teams();
        String path = "/api/assignments/" + homework.assignmentId() + "/similarity";
        as(homework.course().ta()).get(path).then().statusCode(404)
                .body("detail", equalTo("The code of \"Convnets\" has not been compared yet; run the comparison first."));
        submit(homework, 0, JavaHomework.ORIGINAL_NET);
        // The copying team first handed in something of its own: only its newest submission counts.
        submit(homework, 1, JavaHomework.HONEST_NET);
        long copy = submit(homework, 1, JavaHomework.COPIED_NET);
        submit(homework, 2, JavaHomework.HONEST_NET.replace("kinds.length", "kinds.length % 7"));
        submit(homework, 3, JavaHomework.STARTER_NET);
        submit(homework, 4, JavaHomework.STARTER_NET);

        as(homework.course().students().get(0)).post(path).then().statusCode(403);
        JsonPath report = as(homework.course().ta()).post(path).then().statusCode(200)
                .body("assignmentId", equalTo((int) homework.assignmentId())).body("submissions", equalTo(5))
                .body("computedBy", equalTo((int) homework.course().ta().id()))
                .extract().jsonPath();
        assertTrue(report.getInt("minimumTokenMatch") > 0, report::prettify);
        Map<String, Object> copied = pair(report, teams.get(0), teams.get(1));
        assertEquals(copied, report.getList("pairs").get(0), "the copy is the most similar pair");
        assertTrue(similarity(copied) > 0.8, () -> "expected the copy above 0.8: " + copied);
        assertTrue(copied.toString().contains("submissionId=" + copy), copied::toString);
        assertTrue(copied.toString().contains("fileA=src/model/Net.java"), copied::toString);
        assertTrue(copied.toString().contains("name=Team 1"), copied::toString);
        for (long other : List.of(teams.get(0), teams.get(1), teams.get(3))) {
            Map<String, Object> honest = pair(report, teams.get(2), other);
            assertTrue(similarity(honest) < 0.2, () -> "expected the honest team below 0.2: " + honest);
        }
        Map<String, Object> starters = pair(report, teams.get(3), teams.get(4));
        assertEquals(0.0, similarity(starters), 0.05, starters::toString);
        assertEquals(List.of(), starters.get("matches"));

        JsonPath latest = as(homework.course().instructor()).get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(report.getList("pairs"), latest.getList("pairs"));
        assertEquals(report.getString("computedAt"), latest.getString("computedAt"));
        as(homework.course().students().get(0)).get(path).then().statusCode(403);
        as(homework.course().ta()).post("/api/assignments/999999999/similarity").then().statusCode(404);
    }
}
