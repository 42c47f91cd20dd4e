package org.backprop.server.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins per email and per client address, with the server's clock pinned so that windows and
 * Retry-After are exact to the second. Each test signs in from an address of its own (X-Forwarded-For).
 */
@QuarkusTest
class SignInLimitTest {
    private static final Instant T0 = Instant.parse("2026-09-14T14:00:00Z");
    private static final String TOO_MANY = "Too many failed sign-ins for this email or from your network.";

    @Inject
    Fixtures fixtures;

    @Inject
    PinnedClock clock;

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    @Test
    void refusesTheSixthAttemptWithinFifteenMinutesAndSaysWhenToTryAgain() {
        Fixtures.User user = fixtures.account("limit");
        String from = "198.51.100.1";
        clock.pin(T0);
        for (int i = 0; i < 5; i++) {
            login(user.email(), "wrong guess " + i, from).then().statusCode(401);
            clock.advance(Duration.ofMinutes(1));
        }

        Response refused = login(user.email(), Fixtures.PASSWORD, from);
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "600")
                .body("detail", equalTo(TOO_MANY + " Try again in 10 minutes."));

        clock.pin(T0.plus(Duration.ofMinutes(15)).minusSeconds(1));
        login(user.email(), Fixtures.PASSWORD, from).then().statusCode(429).header("Retry-After", "1")
                .body("detail", equalTo(TOO_MANY + " Try again in 1 second."));
        clock.pin(T0.plus(Duration.ofMinutes(15)));
        login(user.email(), Fixtures.PASSWORD, from).then().statusCode(200);
    }

    @Test
    void aSuccessfulSignInClearsTheEmailsFailures() {
        Fixtures.User user = fixtures.account("reset");
        String from = "198.51.100.2";
        clock.pin(T0);
        for (int i = 0; i < 4; i++) {
            login(user.email(), "wrong guess " + i, from).then().statusCode(401);
        }
        login(user.email(), Fixtures.PASSWORD, from).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(user.email(), "wrong again " + i, from).then().statusCode(401);
        }

        login(user.email(), Fixtures.PASSWORD, from).then().statusCode(200);
    }

    @Test
    void answersAnUnknownEmailExactlyAsAKnownOne() {
        Fixtures.User user = fixtures.account("known");
        String unknown = Fixtures.unique("nobody") + "@test.backprop.dev";
        clock.pin(T0);
        for (int i = 0; i < 5; i++) {
            Response known = login(user.email(), "guess " + i, "198.51.100.3");
            Response missing = login(unknown, "guess " + i, "198.51.100.4");
            assertEquals(known.statusCode(), missing.statusCode(), "attempt " + (i + 1));
            assertEquals(known.jsonPath().getString("detail"), missing.jsonPath().getString("detail"));
        }

        Response known = login(user.email(), "guess", "198.51.100.3");
        Response missing = login(unknown, "guess", "198.51.100.4");
        known.then().statusCode(429).header("Retry-After", "900");
        missing.then().statusCode(429).header("Retry-After", "900").body("detail", equalTo(known.path("detail")));
    }

    @Test
    void limitsOneAddressTryingManyEmails() {
        String from = "198.51.100.5";
        clock.pin(T0);
        for (int i = 0; i < 30; i++) {
            login(Fixtures.unique("spray") + "@test.backprop.dev", "guess", from).then().statusCode(401);
        }
        Fixtures.User user = fixtures.account("neighbour");

        login(user.email(), Fixtures.PASSWORD, from).then().statusCode(429).header("Retry-After", "900");
        login(user.email(), Fixtures.PASSWORD, "198.51.100.6").then().statusCode(200);
    }

    @Test
    void countsWrongCurrentPasswordsWhenChangingIt() {
        Fixtures.User user = fixtures.account("change-guess");
        clock.pin(T0);
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(user.token()).header("X-Forwarded-For", "198.51.100.7").contentType(ContentType.JSON)
                    .body(Map.of("currentPassword", "guess " + i, "newPassword", "a brand new passphrase"))
                    .put("/api/auth/password").then()
                    .statusCode(400).body("detail", equalTo("\"currentPassword\" is not your current password."));
        }

        login(user.email(), Fixtures.PASSWORD, "198.51.100.8").then().statusCode(429);
    }

    private static Response login(String email, String password, String from) {
        return given().header("X-Forwarded-For", from).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password)).when().post("/api/auth/login");
    }
}
