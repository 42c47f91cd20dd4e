package org.backprop.server.team;

import static org.backprop.server.team.TeamCalls.as;
import static org.backprop.server.team.TeamCalls.balance;
import static org.backprop.server.team.TeamCalls.createTeam;
import static org.backprop.server.team.TeamCalls.fill;
import static org.backprop.server.team.TeamCalls.join;
import static org.backprop.server.team.TeamCalls.place;
import static org.backprop.server.team.TeamCalls.previewBalance;
import static org.backprop.server.team.TeamCalls.teamSet;
import static org.backprop.server.team.TeamCalls.updateSet;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The instructor's balance after selection, its preview, and the audit trail of every placement. */
@QuarkusTest
class TeamBalanceTest {
    @Inject
    Fixtures fixtures;

    @Inject
    PinnedClock clock;

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private static final Instant CLOSED = Instant.parse("2026-09-14T15:00:00Z");

    /** Teams Alpha (4), Beta (4) and Gamma (2) of a set with sizes 3 to 4 whose selection closed at CLOSED. */
    private record Unbalanced(Fixtures.Cohort course, long set, long alpha, long beta, long gamma) {
    }

    private Unbalanced unbalanced() {
        Fixtures.Cohort course = fixtures.cohort(10);
        List<Fixtures.User> s = course.students();
        long set = teamSet(course, 3, 4, Instant.now().plus(Duration.ofDays(1)));
        long alpha = createTeam(s.get(0), set, "Alpha");
        long beta = createTeam(s.get(4), set, "Beta");
        long gamma = createTeam(s.get(8), set, "Gamma");
        for (int i = 1; i < 4; i++) {
            join(s.get(i), set, alpha).then().statusCode(200);
            join(s.get(4 + i), set, beta).then().statusCode(200);
        }
        join(s.get(9), set, gamma).then().statusCode(200);
        updateSet(course.instructor(), set, "Homework", 3, 4, CLOSED).then().statusCode(200);
        return new Unbalanced(course, set, alpha, beta, gamma);
    }

    @Test
    void previewsThenAppliesTheSameMovesAndAuditsEach() {
        Unbalanced u = unbalanced();
        Response preview = previewBalance(u.course().instructor(), u.set(), 7);
        preview.then().statusCode(200)
                .body("applied", equalTo(false))
                .body("moves", hasSize(1))
                .body("moves[0].fromTeam", equalTo("Alpha"))
                .body("moves[0].toTeam", equalTo("Gamma"))
                .body("teams.size", contains(3, 4, 3))
                .body("teamsBelowMinimum", hasSize(0));
        as(u.course().instructor()).get("/api/team-sets/" + u.set() + "/teams").then()
                .body("items.size", contains(4, 4, 2));

        clock.pin(Instant.parse("2026-09-15T01:00:00Z"));
        Response applied = balance(u.course().instructor(), u.set(), 7);

        applied.then().statusCode(200)
                .body("applied", equalTo(true))
                .body("moves", equalTo(preview.path("moves")))
                .body("teams.size", contains(3, 4, 3));
        as(u.course().ta()).get("/api/team-sets/" + u.set() + "/teams").then()
                .body("items.name", contains("Alpha", "Beta", "Gamma"))
                .body("items.size", contains(3, 4, 3));
        as(u.course().ta()).get("/api/team-sets/" + u.set() + "/audit").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("BALANCE"))
                .body("items[0].accountId", equalTo(preview.path("moves[0].accountId")))
                .body("items[0].fromTeam", equalTo("Alpha"))
                .body("items[0].toTeam", equalTo("Gamma"))
                .body("items[0].actorId", equalTo((int) u.course().instructor().id()))
                .body("items[0].seed", equalTo(7))
                .body("items[0].at", equalTo("2026-09-15T01:00:00Z"));
        balance(u.course().instructor(), u.set(), 7).then().statusCode(200).body("moves", hasSize(0));
    }

    @Test
    void theSameSeedMovesTheSameStudent() {
        Unbalanced first = unbalanced();
        Unbalanced second = unbalanced();
        int firstMoved = previewBalance(first.course().instructor(), first.set(), 11).path("moves[0].accountId");
        int secondMoved = previewBalance(second.course().instructor(), second.set(), 11).path("moves[0].accountId");

        assertEquals(first.course().students().indexOf(student(first, firstMoved)),
                second.course().students().indexOf(student(second, secondMoved)), "the same seat in both courses");
    }

    @Test
    void refusesToApplyWhileSelectionIsOpenAndOnlyForInstructors() {
        Fixtures.Cohort course = fixtures.cohort(2);
        long set = teamSet(course, 1, 4, Instant.now().plus(Duration.ofDays(1)));

        previewBalance(course.instructor(), set, 1).then().statusCode(200).body("moves", hasSize(0));
        balance(course.instructor(), set, 1).then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.startsWith("Students can still pick teams in \"Homework\""));
        balance(course.ta(), set, 1).then()
                .statusCode(403)
                .body("detail", equalTo("Only the instructors of this course can balance teams."));
        as(course.instructor()).get("/api/team-sets/" + set + "/balance").then()
                .statusCode(400).body("detail", equalTo("\"seed\" is required."));
        as(course.instructor()).contentType("application/json").body("{\"seed\": \"many\"}")
                .post("/api/team-sets/" + set + "/balance").then()
                .statusCode(400).body("detail", equalTo("The field \"seed\" has the wrong type."));
    }

    @Test
    void auditsMovesByHandAndRandomFills() {
        Fixtures.Cohort course = fixtures.cohort(5);
        List<Fixtures.User> s = course.students();
        long set = teamSet(course, 2, 3, Instant.now().plus(Duration.ofDays(1)));
        long alpha = createTeam(s.get(0), set, "Alpha");
        join(s.get(1), set, alpha).then().statusCode(200);
        updateSet(course.instructor(), set, "Homework", 2, 3, Instant.now().minusSeconds(1)).then().statusCode(200);

        place(course.instructor(), set, s.get(2), alpha).then().statusCode(200);
        place(course.instructor(), set, s.get(2), null).then().statusCode(200);
        fill(course.instructor(), set, 3).then().statusCode(200);

        Response audit = as(course.instructor()).get("/api/team-sets/" + set + "/audit");
        audit.then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.action", contains("FILL", "FILL", "FILL", "MOVE", "MOVE"))
                .body("items[3].accountId", equalTo((int) s.get(2).id()))
                .body("items[3].fromTeam", equalTo("Alpha"))
                .body("items[3].toTeamId", equalTo(null))
                .body("items[4].fromTeamId", equalTo(null))
                .body("items[4].toTeam", equalTo("Alpha"))
                .body("items[0].seed", equalTo(3));
        as(s.get(0)).get("/api/team-sets/" + set + "/audit").then()
                .statusCode(403)
                .body("detail", equalTo("Only the instructors and TAs of this course can see who was moved between"
                        + " teams."));
    }

    private static Fixtures.User student(Unbalanced u, int accountId) {
        return u.course().students().stream().filter(user -> user.id() == accountId).findFirst().orElseThrow();
    }
}
