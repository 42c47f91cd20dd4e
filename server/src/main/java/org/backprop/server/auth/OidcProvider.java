package org.backprop.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Talks to the configured OpenID Connect provider: reads its discovery document once, exchanges an
 * authorization code for an ID token, and verifies that token's signature (against the provider's
 * published keys, which jose4j caches), issuer, audience, lifetime and nonce.
 */
@ApplicationScoped
public class OidcProvider {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Only asymmetric signatures: a token signed with the client secret could be forged by any client. */
    private static final AlgorithmConstraints SIGNATURES = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);

    @Inject
    OidcConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Discovery discovery;

    /** The endpoints and issuer the provider's discovery document names. */
    record Discovery(URI authorizationEndpoint, URI tokenEndpoint, String issuer, HttpsJwks keys) {
    }

    /** A provider that did not answer as OpenID Connect says it must; the message is for the log and the user. */
    static class ProviderException extends RuntimeException {
        ProviderException(String message) {
            super(message);
        }
    }

    /** Refuses to start with sign-in switched on but not configured, rather than failing at the first user. */
    void checkConfiguration(@Observes StartupEvent event) {
        if (config.enabled() && (config.authServerUrl().isEmpty() || config.clientId().isEmpty()
                || config.clientSecret().isEmpty())) {
            throw new IllegalStateException("backprop.oidc.enabled is true, so backprop.oidc.auth-server-url,"
                    + " backprop.oidc.client-id and backprop.oidc.client-secret must be set (see docs/oidc.md).");
        }
    }

    Discovery discovery() {
        Discovery known = discovery;
        if (known == null) {
            String base = config.authServerUrl().orElseThrow().toString();
            URI document = URI.create((base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration");
            JsonNode body = getJson(HttpRequest.newBuilder(document).timeout(TIMEOUT).GET().build());
            known = new Discovery(URI.create(required(body, "authorization_endpoint")),
                    URI.create(required(body, "token_endpoint")), required(body, "issuer"),
                    new HttpsJwks(required(body, "jwks_uri")));
            discovery = known;
        }
        return known;
    }

    /** Exchanges an authorization code (with its PKCE verifier) for the provider's ID token. */
    String idToken(String code, String verifier, URI redirectUri) {
        String form = Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri.toString(),
                        "code_verifier", verifier).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String client = URLEncoder.encode(config.clientId().orElseThrow(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(config.clientSecret().orElseThrow(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(discovery().tokenEndpoint()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return required(getJson(request), "id_token");
    }

    /** Returns the claims of a genuine, current ID token for this client that carries {@code nonce}. */
    JwtClaims verify(String idToken, String nonce) {
        Discovery provider = discovery();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setExpectedIssuer(provider.issuer())
                .setExpectedAudience(config.clientId().orElseThrow())
                .setJwsAlgorithmConstraints(SIGNATURES)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(provider.keys()))
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(idToken);
        } catch (InvalidJwtException e) {
            throw new ProviderException("the ID token is not valid: " + e.getMessage());
        }
        if (!Secrets.same(nonce, String.valueOf(claims.getClaimValue("nonce")))) {
            throw new ProviderException("the ID token was not issued for this sign-in (its nonce differs)");
        }
        return claims;
    }

    private JsonNode getJson(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException(request.uri().getHost() + " cannot be reached (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("the request to " + request.uri().getHost() + " was interrupted");
        }
        if (response.statusCode() != 200) {
            throw new ProviderException(request.uri() + " answered HTTP " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException(request.uri() + " did not answer with JSON");
        }
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new ProviderException("the provider's answer has no \"" + field + "\"");
        }
        return value.asText();
    }
}
