package org.backprop.server.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.backprop.server.auth.Secrets;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Roster-created accounts choosing their first password through a one-time link, and password changes. */
@QuarkusTest
class PasswordSetupTest {
    private static final String CHOSEN = "seoul spring rain 2026";

    @Inject
    Fixtures fixtures;

    @Inject
    PinnedClock clock;

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    @Test
    void aRosterStudentSetsAPasswordWithTheLinkAndSignsIn() {
        Fixtures.Cohort course = fixtures.cohort(0);
        String email = importOne(course, "Kim Minji");
        Response links = as(course.instructor()).post("/api/courses/" + course.id() + "/password-links");
        links.then().statusCode(200)
                .body("links", hasSize(1))
                .body("links[0].email", equalTo(email))
                .body("links[0].link", startsWith("http://localhost:8080/#password-setup="))
                .body("membersWithPassword", equalTo(2));
        String token = token(links.path("links[0].link"));
        String stored = fixtures.inTransaction(() -> PasswordSetup.<PasswordSetup>find("accountId",
                Account.findByEmail(email).orElseThrow().id).firstResult().tokenHash);
        assertEquals(Secrets.sha256(token), stored, "only the token's hash is stored");
        login(email, CHOSEN).then().statusCode(401);

        setUp(token, CHOSEN).then().statusCode(204);

        login(email, CHOSEN).then().statusCode(200).body("account.name", equalTo("Kim Minji"));
        setUp(token, "another fine passphrase").then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("detail", startsWith("This password setup link was used on "))
                .body("detail", endsWith(" already. Sign in with the password chosen then, or ask"
                        + " your instructor for a new link."));
        as(course.instructor()).post("/api/courses/" + course.id() + "/password-links").then()
                .statusCode(200).body("links", hasSize(0)).body("membersWithPassword", equalTo(3));
    }

    @Test
    void aLinkExpiresAfterSevenDaysToTheSecond() {
        Fixtures.Cohort course = fixtures.cohort(0);
        String email = importOne(course, "Park Jiho");
        long id = accountId(email);
        clock.pin(Instant.parse("2026-09-01T00:00:00Z"));
        Response link = as(course.instructor()).post("/api/courses/" + course.id() + "/members/" + id
                + "/password-link");
        link.then().statusCode(201).body("expiresAt", equalTo("2026-09-08T00:00:00Z"));

        clock.pin(Instant.parse("2026-09-08T00:00:00Z"));
        setUp(token(link.path("link")), CHOSEN).then()
                .statusCode(410)
                .body("detail", equalTo("This password setup link expired on 2026-09-08 00:00 UTC. Ask your instructor"
                        + " for a new one."));
        clock.pin(Instant.parse("2026-09-07T23:59:59Z"));
        setUp(token(link.path("link")), CHOSEN).then().statusCode(204);
    }

    @Test
    void aNewLinkReplacesTheOldOne() {
        Fixtures.Cohort course = fixtures.cohort(0);
        long id = accountId(importOne(course, "Lee Seoyeon"));
        String path = "/api/courses/" + course.id() + "/members/" + id + "/password-link";
        String first = token(as(course.instructor()).post(path).then().statusCode(201).extract().path("link"));
        String second = token(as(course.instructor()).post(path).then().statusCode(201).extract().path("link"));
        assertNotEquals(first, second);

        setUp(first, CHOSEN).then().statusCode(400).body("detail", startsWith("\"token\" is not a password setup"
                + " link of this server."));
        setUp(second, CHOSEN).then().statusCode(204);
    }

    @Test
    void refusesWeakPasswordsAndKeepsTheLinkUsable() {
        Fixtures.Cohort course = fixtures.cohort(0);
        long id = accountId(importOne(course, "Choi Yuna"));
        String token = token(as(course.instructor()).post("/api/courses/" + course.id() + "/members/" + id
                + "/password-link").then().statusCode(201).extract().path("link"));

        setUp(token, "short").then().statusCode(400).body("detail", startsWith("\"password\" must have at least 12"));
        setUp(token, "yuna loves deep learning").then().statusCode(400)
                .body("detail", equalTo("\"password\" must not contain your name."));
        setUp(token, CHOSEN).then().statusCode(204);
    }

    @Test
    void givesNoLinkForAnAccountWithAPasswordOrOutsideTheCourse() {
        Fixtures.Cohort course = fixtures.cohort(1);
        Fixtures.Cohort other = fixtures.cohort(1);
        String base = "/api/courses/" + course.id() + "/members/";
        as(course.instructor()).post(base + course.students().get(0).id() + "/password-link").then()
                .statusCode(409)
                .body("detail", equalTo(course.students().get(0).email() + " has chosen a password already and signs"
                        + " in with it. If they forgot it, an administrator can help."));
        as(course.instructor()).post(base + other.students().get(0).id() + "/password-link").then()
                .statusCode(404)
                .body("detail", equalTo("Account " + other.students().get(0).id() + " is not a member of this course."));
    }

    @Test
    void explainsBadSetupBodies() {
        given().contentType(ContentType.JSON).body("{\"token\": 5").post("/api/auth/password-setup").then()
                .statusCode(400).body("detail", startsWith("The request body is not valid JSON"));
        given().contentType(ContentType.JSON).body(Map.of("token", "abc")).post("/api/auth/password-setup").then()
                .statusCode(400).body("detail", equalTo("\"password\" is required."));
        given().contentType(ContentType.JSON).body("{\"token\": [1], \"password\": \"x\"}")
                .post("/api/auth/password-setup").then()
                .statusCode(400).body("detail", equalTo("The field \"token\" has the wrong type."));
    }

    @Test
    void changesThePasswordAndEndsOtherSessions() {
        Fixtures.User user = fixtures.account("changer");
        Response first = login(user.email(), Fixtures.PASSWORD);
        Response second = login(user.email(), Fixtures.PASSWORD);
        String cookie = "backprop_session";

        given().cookie(cookie, second.getCookie(cookie)).header("X-CSRF-Token", second.path("csrfToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "changer"))
                .put("/api/auth/password").then()
                .statusCode(400).body("detail", startsWith("\"newPassword\" must have at least 12 characters"));
        given().cookie(cookie, second.getCookie(cookie)).header("X-CSRF-Token", second.path("csrfToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", CHOSEN))
                .put("/api/auth/password").then().statusCode(204);

        given().cookie(cookie, first.getCookie(cookie)).get("/api/auth/me").then().statusCode(401);
        given().cookie(cookie, second.getCookie(cookie)).get("/api/auth/me").then().statusCode(200);
        login(user.email(), Fixtures.PASSWORD).then().statusCode(401);
        login(user.email(), CHOSEN).then().statusCode(200);
    }

    @Test
    void aRosterAccountHasNoPasswordToChange() {
        Fixtures.Cohort course = fixtures.cohort(0);
        String email = importOne(course, "Jung Hana");
        long id = accountId(email);
        String token = fixtures.issueToken(id);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "anything", "newPassword", CHOSEN))
                .put("/api/auth/password").then()
                .statusCode(409).body("detail", startsWith("Your account has no password yet"));
    }

    private String importOne(Fixtures.Cohort course, String name) {
        String email = Fixtures.unique("roster") + "@test.backprop.dev";
        as(course.instructor()).contentType("text/csv").body("email,name\n" + email + "," + name + "\n")
                .post("/api/courses/" + course.id() + "/roster").then().statusCode(200)
                .body("accountsCreated", equalTo(1));
        return email;
    }

    private long accountId(String email) {
        return fixtures.inTransaction(() -> Account.findByEmail(email).orElseThrow().id);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("#password-setup=") + "#password-setup=".length());
    }

    private static Response setUp(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "password", password))
                .post("/api/auth/password-setup");
    }

    private static Response login(String email, String password) {
        return given().header("X-Forwarded-For", "192.0.2.10").contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).post("/api/auth/login");
    }

    private static io.restassured.specification.RequestSpecification as(Fixtures.User user) {
        return given().auth().oauth2(user.token()).when();
    }
}
