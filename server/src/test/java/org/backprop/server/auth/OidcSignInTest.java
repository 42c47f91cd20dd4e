package org.backprop.server.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The whole authorization-code flow against a real OpenID Connect provider in this JVM (WireMock with
 * Keycloak's endpoints and signing keys): Backprop redirects, the test plays the browser and the
 * provider's login page, and the callback exchanges the code, verifies the signed ID token and signs in.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.UniversityProvider.class)
class OidcSignInTest {
    private static final String ISSUER = "https://server.example.com";
    private static final String CLIENT = "backprop";

    /** Switches university sign-in on, against the WireMock provider. */
    public static class UniversityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backprop.oidc.enabled", "true",
                    "backprop.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "backprop.oidc.client-id", CLIENT,
                    "backprop.oidc.client-secret", "university-secret");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @OidcWireMock
    WireMockServer provider;

    @Inject
    Fixtures fixtures;

    @Test
    void signsInTheAccountWithTheVerifiedEmailAndUsesPkce() throws Exception {
        Fixtures.User user = fixtures.account("university");
        given().get("/api/auth/options").then().statusCode(200).body("university", equalTo(true));
        Response start = given().redirects().follow(false).get("/api/auth/oidc/login");
        start.then().statusCode(303);
        URI authorization = URI.create(start.header("Location"));
        Map<String, String> query = query(authorization);
        assertEquals(provider.baseUrl() + "/auth/realms/quarkus", authorization.toString().split("\\?")[0]);
        assertEquals("code", query.get("response_type"));
        assertEquals(CLIENT, query.get("client_id"));
        assertEquals("http://localhost:8080/api/auth/oidc/callback", query.get("redirect_uri"));
        assertEquals("S256", query.get("code_challenge_method"));
        answerCode("code-pkce", idToken(user.email(), true, query.get("nonce")));

        Response back = callback(start, "code-pkce", query.get("state"));

        back.then().statusCode(303).header("Location", "http://localhost:8080/");
        given().cookie("backprop_session", back.getCookie("backprop_session")).get("/api/auth/me").then()
                .statusCode(200).body("account.email", equalTo(user.email()));
        String tokenRequest = provider.findAll(postRequestedFor(urlEqualTo("/auth/realms/quarkus/token"))
                .withRequestBody(containing("code=code-pkce"))).get(0).getBodyAsString();
        String verifier = formField(tokenRequest, "code_verifier");
        assertEquals(query.get("code_challenge"), Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))),
                "the token request proves it comes from the browser that started");
    }

    @Test
    void refusesAnEmailNoAccountHas() {
        Response start = given().redirects().follow(false).get("/api/auth/oidc/login");
        Map<String, String> query = query(URI.create(start.header("Location")));
        answerCode("code-stranger", idToken("stranger@uni.ac.kr", true, query.get("nonce")));

        callback(start, "code-stranger", query.get("state")).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("No Backprop account uses stranger@uni.ac.kr. Ask your instructor to add this"
                        + " address to the course roster, then sign in again."));
    }

    @Test
    void refusesAnUnverifiedEmail() {
        Fixtures.User user = fixtures.account("unverified");
        Response start = given().redirects().follow(false).get("/api/auth/oidc/login");
        Map<String, String> query = query(URI.create(start.header("Location")));
        answerCode("code-unverified", idToken(user.email(), false, query.get("nonce")));

        callback(start, "code-unverified", query.get("state")).then()
                .statusCode(403)
                .body("detail", startsWith("Your university has not verified the email address"));
    }

    @Test
    void refusesAnIdTokenIssuedForAnotherSignIn() {
        Fixtures.User user = fixtures.account("replayed");
        Response start = given().redirects().follow(false).get("/api/auth/oidc/login");
        Map<String, String> query = query(URI.create(start.header("Location")));
        answerCode("code-replayed", idToken(user.email(), true, "someone-elses-nonce"));

        callback(start, "code-replayed", query.get("state")).then()
                .statusCode(502)
                .body("detail", equalTo("Backprop could not confirm your sign-in with your university: the ID token"
                        + " was not issued for this sign-in (its nonce differs). Try again, or sign in with your email"
                        + " and password."));
    }

    @Test
    void refusesACallbackWhoseStateDoesNotMatchTheBrowsers() {
        Response start = given().redirects().follow(false).get("/api/auth/oidc/login");

        callback(start, "code-any", "forged-state").then()
                .statusCode(400)
                .body("detail", startsWith("This sign-in was started too long ago or in another browser window"));
        given().redirects().follow(false).queryParam("code", "code-any").queryParam("state", "x")
                .get("/api/auth/oidc/callback").then()
                .statusCode(400);
    }

    @Test
    void passesOnTheProvidersRefusal() {
        Response start = given().redirects().follow(false).get("/api/auth/oidc/login");
        Map<String, String> query = query(URI.create(start.header("Location")));

        given().redirects().follow(false).cookie(OidcResource.FLOW_COOKIE, start.getCookie(OidcResource.FLOW_COOKIE))
                .queryParam("error", "access_denied").queryParam("error_description", "The user cancelled")
                .queryParam("state", query.get("state"))
                .get("/api/auth/oidc/callback").then()
                .statusCode(401)
                .body("detail", equalTo("Your university's sign-in did not complete (The user cancelled). Try again,"
                        + " or sign in with your email and password."));
    }

    private void answerCode(String code, String idToken) {
        provider.stubFor(post("/auth/realms/quarkus/token").withRequestBody(containing("code=" + code))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"opaque\", \"token_type\": \"Bearer\", \"id_token\": \""
                                + idToken + "\"}")));
    }

    /** An ID token signed with the provider's key (the one its JWKS publishes as kid 1). */
    private static String idToken(String email, boolean verified, String nonce) {
        return Jwt.issuer(ISSUER).audience(CLIENT).subject("u-" + email.hashCode())
                .claim("email", email)
                .claim("email_verified", verified)
                .claim("nonce", nonce)
                .expiresIn(300)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    private static Response callback(Response start, String code, String state) {
        return given().redirects().follow(false)
                .cookie(OidcResource.FLOW_COOKIE, start.getCookie(OidcResource.FLOW_COOKIE))
                .queryParam("code", code).queryParam("state", state)
                .get("/api/auth/oidc/callback");
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static String formField(String form, String name) {
        String value = form(form).get(name);
        assertTrue(value != null, () -> name + " missing from " + form);
        return value;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : encoded.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }
}
