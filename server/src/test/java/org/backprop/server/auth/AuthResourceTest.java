package org.backprop.server.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthResourceTest {
    private static final String COOKIE = "backprop_session";

    @Inject
    Fixtures fixtures;

    @Test
    void signsInWithASecureHttpOnlySameSiteCookieAndReturnsTheCsrfToken() {
        Fixtures.User user = fixtures.account("login");
        Response login = login(user.email(), Fixtures.PASSWORD);

        login.then().statusCode(200)
                .body("account.email", equalTo(user.email()))
                .body("account.admin", equalTo(false))
                .body("csrfToken", notNullValue());
        String setCookie = login.getHeader("Set-Cookie");
        for (String attribute : new String[] {"HttpOnly", "Secure", "SameSite=Lax", "Path=/"}) {
            assertTrue(setCookie.contains(attribute), () -> "expected " + attribute + " in Set-Cookie, got " + setCookie);
        }
        given().cookie(COOKIE, login.getCookie(COOKIE)).when().get("/api/auth/me").then()
                .statusCode(200)
                .body("account.id", equalTo((int) user.id()))
                .body("csrfToken", equalTo(login.path("csrfToken")));
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() {
        Fixtures.User user = fixtures.account("wrong-password");
        login(user.email(), "not the password").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("The email or password is not right."));
        login("nobody@test.backprop.dev", "whatever").then()
                .statusCode(401)
                .body("detail", equalTo("The email or password is not right."));
    }

    @Test
    void refusesStateChangingCookieRequestsWithoutTheCsrfToken() {
        Fixtures.User user = fixtures.account("csrf");
        Response login = login(user.email(), Fixtures.PASSWORD);
        String session = login.getCookie(COOKIE);

        given().cookie(COOKIE, session).contentType(ContentType.JSON).body(Map.of("name", "script"))
                .when().post("/api/auth/tokens").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", startsWith("This request is missing the X-CSRF-Token header"));
        given().cookie(COOKIE, session).header(CsrfCheck.HEADER, "forged").contentType(ContentType.JSON)
                .body(Map.of("name", "script"))
                .when().post("/api/auth/tokens").then()
                .statusCode(403)
                .body("detail", equalTo("The X-CSRF-Token header does not match your session. Reload the page and"
                        + " try again."));
        given().cookie(COOKIE, session).header(CsrfCheck.HEADER, login.path("csrfToken"))
                .contentType(ContentType.JSON).body(Map.of("name", "script"))
                .when().post("/api/auth/tokens").then()
                .statusCode(201);
    }

    @Test
    void signsInAgainWithoutACsrfTokenWhileAnOldSessionIsStillValid() {
        Fixtures.User user = fixtures.account("again");
        String session = login(user.email(), Fixtures.PASSWORD).getCookie(COOKIE);

        given().cookie(COOKIE, session).contentType(ContentType.JSON)
                .body(Map.of("email", user.email(), "password", Fixtures.PASSWORD))
                .when().post("/api/auth/login").then()
                .statusCode(200);
    }

    @Test
    void asksBearerClientsForNoCsrfToken() {
        Fixtures.User user = fixtures.account("bearer");
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("name", "ci"))
                .when().post("/api/auth/tokens").then()
                .statusCode(201)
                .body("name", equalTo("ci"))
                .body("token", notNullValue());
        given().auth().oauth2(user.token()).when().get("/api/auth/me").then()
                .statusCode(200)
                .body("account.email", equalTo(user.email()))
                .body("csrfToken", nullValue());
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() {
        Fixtures.User user = fixtures.account("logout");
        Response login = login(user.email(), Fixtures.PASSWORD);
        String session = login.getCookie(COOKIE);

        Response logout = given().cookie(COOKIE, session).header(CsrfCheck.HEADER, login.path("csrfToken"))
                .when().post("/api/auth/logout");
        logout.then().statusCode(204);
        assertTrue(logout.getHeader("Set-Cookie").contains("Max-Age=0"), () -> "expected the cookie to be cleared,"
                + " got " + logout.getHeader("Set-Cookie"));
        given().cookie(COOKIE, session).when().get("/api/auth/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("Your session has ended. Sign in again."));
    }

    @Test
    void refusesAnExpiredSessionAndSweepsItAtTheNextSignIn() {
        Fixtures.User user = fixtures.account("expired");
        String token = Secrets.token();
        fixtures.inTransaction(() -> {
            AuthSession session = new AuthSession();
            session.accountId = user.id();
            session.tokenHash = Secrets.sha256(token);
            session.csrfToken = Secrets.token();
            session.expiresAt = Instant.now().minusSeconds(60);
            session.persist();
            return session.id;
        });

        given().cookie(COOKIE, token).when().get("/api/auth/me").then()
                .statusCode(401)
                .body("detail", equalTo("Your session has ended. Sign in again."));
        login(user.email(), Fixtures.PASSWORD).then().statusCode(200);
        long expired = fixtures.inTransaction(() -> AuthSession.count("accountId = ?1 and expiresAt <= ?2", user.id(),
                Instant.now()));
        assertEquals(0, expired, "expired sessions left after signing in");
    }

    @Test
    void storesOnlyTheHashOfAnApiTokenAndForgetsARevokedOne() {
        Fixtures.User user = fixtures.account("tokens");
        Response created = given().auth().oauth2(user.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "grading script")).when().post("/api/auth/tokens");
        created.then().statusCode(201);
        String secret = created.path("token");
        long id = created.jsonPath().getLong("id");

        String stored = fixtures.inTransaction(() -> ApiToken.<ApiToken>findById(id).tokenHash);
        assertEquals(Secrets.sha256(secret), stored, "the database holds the token's SHA-256");
        assertNotEquals(secret, stored);
        given().auth().oauth2(user.token()).when().get("/api/auth/tokens").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(2))
                .body(not(containsString(secret)));

        given().auth().oauth2(secret).when().delete("/api/auth/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(secret).when().get("/api/auth/me").then()
                .statusCode(401)
                .body("detail", startsWith("This API token is unknown, revoked or expired."));
    }

    @Test
    void explainsUnauthenticatedRequests() {
        given().when().get("/api/auth/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", startsWith("Sign in first"));
        given().auth().oauth2("made-up").when().get("/api/courses").then()
                .statusCode(401)
                .body("detail", startsWith("This API token is unknown"));
    }

    @Test
    void explainsBadSignInBodies() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.c\", ").when().post("/api/auth/login").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("The request body is not valid JSON"));
        given().contentType(ContentType.JSON).body(Map.of("email", "a@b.c")).when().post("/api/auth/login").then()
                .statusCode(400)
                .body("detail", equalTo("\"password\" is required."));
        given().contentType(ContentType.JSON).body("{\"email\": [1], \"password\": \"x\"}")
                .when().post("/api/auth/login").then()
                .statusCode(400)
                .body("detail", equalTo("The field \"email\" has the wrong type."));
        given().contentType(ContentType.JSON).when().post("/api/auth/login").then()
                .statusCode(400)
                .body("detail", startsWith("The request has no body"));
    }

    private static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/auth/login");
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
