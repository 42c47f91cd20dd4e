package org.backprop.server.team;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backprop.server.fixtures.Fixtures;

/** The team API calls the team tests make again and again. */
final class TeamCalls {
    private TeamCalls() {
    }

    static RequestSpecification as(Fixtures.User user) {
        return given().auth().oauth2(user.token()).when();
    }

    static long teamSet(Fixtures.Cohort course, int min, int max, Instant closes) {
        return teamSet(course, min, max, closes, "Homework");
    }

    static long teamSet(Fixtures.Cohort course, int min, int max, Instant closes, String name) {
        return as(course.instructor()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "minSize", min, "maxSize", max, "selectionClosesAt", closes.toString()))
                .post("/api/courses/" + course.id() + "/team-sets").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    static long createTeam(Fixtures.User student, long set, String name) {
        return as(student).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/team-sets/" + set + "/teams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    static Response join(Fixtures.User student, long set, long team) {
        return as(student).post("/api/team-sets/" + set + "/teams/" + team + "/join");
    }

    static Response updateSet(Fixtures.User instructor, long set, String name, int min, int max, Instant closes) {
        return as(instructor).contentType(ContentType.JSON)
                .body(Map.of("name", name, "minSize", min, "maxSize", max, "selectionClosesAt", closes.toString()))
                .put("/api/team-sets/" + set);
    }

    static Response place(Fixtures.User instructor, long set, Fixtures.User student, Long team) {
        return as(instructor).contentType(ContentType.JSON).body("{\"teamId\": " + team + "}")
                .put("/api/team-sets/" + set + "/placements/" + student.id());
    }

    static Response fill(Fixtures.User instructor, long set, long seed) {
        return as(instructor).contentType(ContentType.JSON).body(Map.of("seed", seed))
                .post("/api/team-sets/" + set + "/fill");
    }

    static Response balance(Fixtures.User instructor, long set, long seed) {
        return as(instructor).contentType(ContentType.JSON).body(Map.of("seed", seed))
                .post("/api/team-sets/" + set + "/balance");
    }

    static Response previewBalance(Fixtures.User instructor, long set, long seed) {
        return as(instructor).queryParam("seed", seed).get("/api/team-sets/" + set + "/balance");
    }

    /** Returns the team name of each placed student, by account id. */
    static Map<Integer, String> teamByStudent(Response fill) {
        Map<Integer, String> teams = new TreeMap<>();
        List<Map<String, Object>> placements = fill.jsonPath().getList("placements");
        placements.forEach(placement -> teams.put((Integer) placement.get("accountId"),
                (String) placement.get("teamName")));
        return teams;
    }
}
