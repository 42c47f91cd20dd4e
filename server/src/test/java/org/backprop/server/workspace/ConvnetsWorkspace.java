package org.backprop.server.workspace;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;

/**
 * The real homework ({@code assignments/hw-convnets}) published in a course of five students: team A is students 0 and
 * 1, team B student 2, and students 3 and 4 are in no team. Sends workspace requests as a member would.
 */
record ConvnetsWorkspace(Fixtures.Cohort course, long assignmentId, long teamA, long teamB) {

    static ConvnetsWorkspace publish(Fixtures fixtures) {
        Fixtures.Cohort course = fixtures.cohort(5);
        long set = Homework.as(course.instructor()).contentType(ContentType.JSON)
                .body(Map.of("name", "Homework teams", "minSize", 3, "maxSize", 4, "selectionClosesAt",
                        Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/courses/" + course.id() + "/team-sets").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        long teamA = team(course.students().get(0), set, "A");
        Homework.as(course.students().get(1)).post("/api/team-sets/" + set + "/teams/" + teamA + "/join").then()
                .statusCode(200);
        long teamB = team(course.students().get(2), set, "B");
        long assignment = Homework.as(course.instructor())
                .post("/api/courses/" + course.id() + "/assignments/import/hw-convnets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return new ConvnetsWorkspace(course, assignment, teamA, teamB);
    }

    private static long team(Fixtures.User founder, long set, String name) {
        return Homework.as(founder).contentType(ContentType.JSON).body(Map.of("name", "Team " + name))
                .post("/api/team-sets/" + set + "/teams").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    Fixtures.User student(int index) {
        return course.students().get(index);
    }

    String path() {
        return "/api/assignments/" + assignmentId + "/workspace";
    }

    String file(String path) {
        return path() + "/files/" + path;
    }

    String staffPath(long teamId) {
        return "/api/teams/" + teamId + "/assignments/" + assignmentId + "/workspace";
    }

    Map<String, String> starter() {
        return Homework.as(student(0)).get("/api/assignments/" + assignmentId + "/starter").then().statusCode(200)
                .extract().jsonPath().getMap("");
    }

    Response open(Fixtures.User student) {
        return Homework.as(student).get(path());
    }

    Response save(Fixtures.User student, String path, String content, int baseRevision) {
        Map<String, Object> body = new HashMap<>();
        body.put("content", content);
        body.put("baseRevision", baseRevision);
        return Homework.as(student).contentType(ContentType.JSON).body(body).put(file(path));
    }

    Response delete(Fixtures.User student, String path, int baseRevision) {
        return Homework.as(student).queryParam("baseRevision", baseRevision).delete(file(path));
    }

    Response rename(Fixtures.User student, String path, String to, int baseRevision) {
        return Homework.as(student).contentType(ContentType.JSON).body(Map.of("to", to, "baseRevision", baseRevision))
                .post(file(path) + "/rename");
    }

    /** The paths of the files the student's team's workspace shows. */
    List<String> paths(Fixtures.User student) {
        return open(student).then().statusCode(200).extract().jsonPath().getList("files.path");
    }
}
