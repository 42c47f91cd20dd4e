package org.backprop.server.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** University sign-in is off unless configured: the server starts without any provider and says so. */
@QuarkusTest
class OidcDisabledTest {
    private static final String NOT_SET_UP = "Sign-in through a university account is not set up on this server."
            + " Sign in with your email and password.";

    @Test
    void offersOnlyPasswordsByDefault() {
        given().get("/api/auth/options").then()
                .statusCode(200)
                .body("password", equalTo(true))
                .body("university", equalTo(false));
    }

    @Test
    void answersTheUniversitySignInPathsWith404() {
        given().redirects().follow(false).get("/api/auth/oidc/login").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo(NOT_SET_UP));
        given().redirects().follow(false).queryParam("code", "x").queryParam("state", "y")
                .get("/api/auth/oidc/callback").then()
                .statusCode(404)
                .body("detail", equalTo(NOT_SET_UP));
    }
}
