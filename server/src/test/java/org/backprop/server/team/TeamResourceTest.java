package org.backprop.server.team;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.backprop.server.team.TeamCalls.as;
import static org.backprop.server.team.TeamCalls.createTeam;
import static org.backprop.server.team.TeamCalls.fill;
import static org.backprop.server.team.TeamCalls.join;
import static org.backprop.server.team.TeamCalls.place;
import static org.backprop.server.team.TeamCalls.teamByStudent;
import static org.backprop.server.team.TeamCalls.teamSet;
import static org.backprop.server.team.TeamCalls.updateSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TeamResourceTest {
    static final Instant IN_A_WEEK = Instant.now().plus(Duration.ofDays(7));

    @Inject
    Fixtures fixtures;

    @Test
    void studentsCreateJoinAndLeaveTeamsWhileSelectionIsOpen() {
        Fixtures.Cohort course = fixtures.cohort(4);
        long set = teamSet(course, 1, 4, IN_A_WEEK);
        Fixtures.User ana = course.students().get(0);
        Fixtures.User ben = course.students().get(1);
        Fixtures.User cho = course.students().get(2);
        Fixtures.User dan = course.students().get(3);

        Response created = as(ana).contentType(ContentType.JSON).body(Map.of("name", "Alpha"))
                .post("/api/team-sets/" + set + "/teams");
        created.then().statusCode(201).body("size", equalTo(1)).body("joinCode", notNullValue());
        long alpha = created.jsonPath().getLong("id");
        as(ben).contentType(ContentType.JSON).body(Map.of("code", created.path("joinCode").toString().toLowerCase()))
                .post("/api/team-sets/" + set + "/teams/join").then()
                .statusCode(200).body("size", equalTo(2));
        join(cho, set, alpha).then()
                .statusCode(200).body("members.name", containsInAnyOrder(ana.name(), ben.name(), cho.name()));

        as(dan).get("/api/team-sets/" + set + "/teams").then()
                .statusCode(200)
                .body("items.name", contains("Alpha"))
                .body("items[0].size", equalTo(3))
                .body("items[0].joinCode", nullValue());
        as(ana).contentType(ContentType.JSON).body(Map.of("name", "Beta")).post("/api/team-sets/" + set + "/teams")
                .then().statusCode(409).body("detail", equalTo("You are already in team \"Alpha\". Leave it first."));
        as(dan).contentType(ContentType.JSON).body(Map.of("name", "alpha")).post("/api/team-sets/" + set + "/teams")
                .then().statusCode(409)
                .body("detail", equalTo("There is a team named \"alpha\" already. Pick another name, or join that"
                        + " team."));

        as(ben).post("/api/team-sets/" + set + "/teams/leave").then().statusCode(204);
        as(ben).get("/api/team-sets/" + set + "/teams/mine").then()
                .statusCode(404).body("detail", equalTo("You are not in a team in \"Homework\" yet."));
        as(ana).get("/api/team-sets/" + set + "/teams/mine").then()
                .statusCode(200).body("size", equalTo(2)).body("joinCode", notNullValue());
    }

    @Test
    void removesATeamWhenItsLastMemberLeaves() {
        Fixtures.Cohort course = fixtures.cohort(1);
        long set = teamSet(course, 1, 4, IN_A_WEEK);
        Fixtures.User solo = course.students().get(0);
        as(solo).contentType(ContentType.JSON).body(Map.of("name", "Solo")).post("/api/team-sets/" + set + "/teams")
                .then().statusCode(201);

        as(solo).post("/api/team-sets/" + set + "/teams/leave").then().statusCode(204);

        as(solo).get("/api/team-sets/" + set + "/teams").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void refusesToJoinAFullTeam() {
        Fixtures.Cohort course = fixtures.cohort(3);
        long set = teamSet(course, 1, 2, IN_A_WEEK);
        long team = createTeam(course.students().get(0), set, "Pair");
        join(course.students().get(1), set, team).then().statusCode(200);

        join(course.students().get(2), set, team).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Team \"Pair\" is full (2 of 2 members). Pick another team or create one."));
    }

    @Test
    void refusesStudentChangesOnceSelectionHasClosed() {
        Fixtures.Cohort course = fixtures.cohort(2);
        long closed = teamSet(course, 1, 4, Instant.parse("2026-01-01T00:00:00Z"));

        as(course.students().get(0)).contentType(ContentType.JSON).body(Map.of("name", "Late"))
                .post("/api/team-sets/" + closed + "/teams").then()
                .statusCode(409)
                .body("detail", equalTo("Team selection for \"Homework\" closed at 2026-01-01 09:00 (Asia/Seoul). Ask"
                        + " your instructor to place you in a team."));

        long open = teamSet(course, 1, 4, IN_A_WEEK, "Projects");
        long team = createTeam(course.students().get(0), open, "Early");
        updateSet(course.instructor(), open, "Projects", 1, 4, Instant.now().minusSeconds(1)).then().statusCode(200)
                .body("selectionOpen", equalTo(false));
        join(course.students().get(1), open, team).then()
                .statusCode(409);
        as(course.students().get(0)).post("/api/team-sets/" + open + "/teams/leave").then().statusCode(409);
    }

    @Test
    void letsTheInstructorMoveStudentsAfterSelectionCloses() {
        Fixtures.Cohort course = fixtures.cohort(4);
        long set = teamSet(course, 1, 2, IN_A_WEEK);
        List<Fixtures.User> s = course.students();
        long alpha = createTeam(s.get(0), set, "Alpha");
        join(s.get(1), set, alpha).then().statusCode(200);
        long beta = createTeam(s.get(2), set, "Beta");

        place(course.instructor(), set, s.get(3), beta).then()
                .statusCode(409)
                .body("detail", startsWith("Students can still pick teams in \"Homework\" until"));
        updateSet(course.instructor(), set, "Homework", 1, 2, Instant.now().minusSeconds(1)).then().statusCode(200);

        place(course.instructor(), set, s.get(3), alpha).then()
                .statusCode(409)
                .body("detail", equalTo("Team \"Alpha\" is full (2 of 2 members). Move someone out first, or raise"
                        + " the set's maximum size."));
        place(course.instructor(), set, s.get(1), beta).then()
                .statusCode(200).body("teamName", equalTo("Beta"));
        place(course.instructor(), set, s.get(3), alpha).then().statusCode(200).body("teamId", equalTo((int) alpha));
        place(course.instructor(), set, s.get(2), null).then().statusCode(200).body("teamId", nullValue());
        place(course.ta(), set, s.get(2), beta).then()
                .statusCode(403)
                .body("detail", equalTo("Only the instructors of this course can move students between teams."));

        as(course.ta()).get("/api/team-sets/" + set + "/teams").then()
                .statusCode(200)
                .body("items.name", contains("Alpha", "Beta"))
                .body("items[0].members.accountId", containsInAnyOrder((int) s.get(0).id(), (int) s.get(3).id()))
                .body("items[1].members.accountId", contains((int) s.get(1).id()))
                .body("items[0].joinCode", notNullValue());
        as(course.ta()).get("/api/team-sets/" + set + "/unassigned").then()
                .statusCode(200).body("items.accountId", contains((int) s.get(2).id()));
    }

    @Test
    void fillsTheUnassignedAtRandomAndTheSameSeedGivesTheSameTeams() {
        Fixtures.Cohort course = fixtures.cohort(10);
        Instant closed = Instant.now().minusSeconds(60);
        long first = teamSet(course, 3, 4, closed, "First");
        long second = teamSet(course, 3, 4, closed, "Second");
        long third = teamSet(course, 3, 4, closed, "Third");

        Response filled = fill(course.instructor(), first, 42);
        filled.then().statusCode(200)
                .body("placements", hasSize(10))
                .body("teamsCreated", contains("Team 1", "Team 2", "Team 3"))
                .body("teamsBelowMinimum", hasSize(0));
        Map<Integer, String> teamOf = teamByStudent(filled);
        assertEquals(teamOf, teamByStudent(fill(course.instructor(), second, 42)), "same seed, same teams");
        assertEquals(false, teamOf.equals(teamByStudent(fill(course.instructor(), third, 7))),
                "another seed gives other teams: " + teamOf);
        as(course.instructor()).get("/api/team-sets/" + first + "/unassigned").then()
                .statusCode(200).body("total", equalTo(0));
        as(course.instructor()).get("/api/team-sets/" + first + "/teams").then()
                .statusCode(200).body("items.size", contains(4, 3, 3));
    }

    @Test
    void keepsTheTeamsStudentsChoseWhenFilling() {
        Fixtures.Cohort course = fixtures.cohort(7);
        long set = teamSet(course, 3, 4, IN_A_WEEK);
        List<Fixtures.User> s = course.students();
        long alpha = createTeam(s.get(0), set, "Alpha");
        join(s.get(1), set, alpha).then().statusCode(200);
        fill(course.instructor(), set, 1).then().statusCode(409);
        updateSet(course.instructor(), set, "Homework", 3, 4, Instant.now().minusSeconds(1)).then().statusCode(200);

        fill(course.instructor(), set, 1).then()
                .statusCode(200)
                .body("placements", hasSize(5))
                .body("teamsCreated", contains("Team 1"));

        as(s.get(0)).get("/api/team-sets/" + set + "/teams/mine").then()
                .statusCode(200)
                .body("name", equalTo("Alpha"))
                .body("size", equalTo(4));
    }

    @Test
    void explainsBadTeamSetSettings() {
        Fixtures.Cohort course = fixtures.cohort(0);
        String path = "/api/courses/" + course.id() + "/team-sets";
        as(course.instructor()).contentType(ContentType.JSON)
                .body(Map.of("name", "Teams", "minSize", 4, "maxSize", 3, "selectionClosesAt", IN_A_WEEK.toString()))
                .post(path).then()
                .statusCode(400).body("detail", equalTo("\"maxSize\" (3) must be at least \"minSize\" (4)."));
        as(course.instructor()).contentType(ContentType.JSON).body(Map.of("name", "Teams", "minSize", 0))
                .post(path).then()
                .statusCode(400)
                .body("detail", equalTo("\"maxSize\" is required. \"minSize\" must be at least 1."
                        + " \"selectionClosesAt\" is required."));
        as(course.instructor()).contentType(ContentType.JSON)
                .body("{\"name\": \"Teams\", \"minSize\": \"three\", \"maxSize\": 4, \"selectionClosesAt\": \"x\"}")
                .post(path).then()
                .statusCode(400).body("detail", equalTo("The field \"minSize\" has the wrong type."));
        as(course.instructor()).contentType(ContentType.JSON)
                .body("{\"name\": \"Teams\", \"minSize\": 3, \"maxSize\": 4, \"selectionClosesAt\": \"next Friday\"}")
                .post(path).then()
                .statusCode(400).body("detail", equalTo("The field \"selectionClosesAt\" has the wrong type."));
    }
}
