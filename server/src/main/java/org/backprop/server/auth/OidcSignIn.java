package org.backprop.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.backprop.server.account.Account;
import org.backprop.server.api.Problem;
import org.jboss.logging.Logger;

/**
 * Signs people in through the university's OpenID Connect provider with the authorization-code flow
 * (with PKCE): the browser leaves with a state, a nonce and a code challenge that a short-lived cookie
 * remembers, comes back with a code, and the verified email of the ID token finds the account, which then
 * gets an ordinary Backprop session. Accounts come from roster imports; none is created for strangers.
 */
@ApplicationScoped
public class OidcSignIn {
    static final String CALLBACK_PATH = "/api/auth/oidc/callback";
    private static final Logger LOG = Logger.getLogger(OidcSignIn.class);
    private static final String TRY_AGAIN = " Try again, or sign in with your email and password.";

    @Inject
    OidcConfig config;

    @Inject
    OidcProvider provider;

    @Inject
    AuthConfig authConfig;

    @Inject
    AuthService authService;

    /** Where to send the browser, and the value of the cookie that remembers this sign-in until it returns. */
    record Start(URI authorization, String flowCookie) {
    }

    Start start() {
        requireEnabled();
        String state = Secrets.token();
        String nonce = Secrets.token();
        String verifier = Secrets.token();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId().orElseThrow());
        query.put("redirect_uri", redirectUri().toString());
        query.put("scope", config.scopes());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        URI endpoint = discovery().authorizationEndpoint();
        String separator = endpoint.getRawQuery() == null ? "?" : "&";
        return new Start(URI.create(endpoint + separator + query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))), String.join(".", state, nonce, verifier));
    }

    /** Checks the provider's answer against the cookie and opens a session for the account it names. */
    AuthService.Opened finish(String code, String state, String error, String errorDescription, String flowCookie) {
        requireEnabled();
        if (error != null) {
            throw problem(Response.Status.UNAUTHORIZED, "Your university's sign-in did not complete ("
                    + (errorDescription == null ? error : errorDescription) + ")." + TRY_AGAIN);
        }
        String[] flow = flowCookie == null ? new String[0] : flowCookie.split("\\.");
        if (flow.length != 3 || !Secrets.same(flow[0], state)) {
            throw problem(Response.Status.BAD_REQUEST, "This sign-in was started too long ago or in another browser"
                    + " window, so Backprop cannot finish it." + TRY_AGAIN);
        }
        if (code == null || code.isBlank()) {
            throw problem(Response.Status.BAD_REQUEST, "Your university's sign-in came back without a code." + TRY_AGAIN);
        }
        OidcEmail.Result email;
        try {
            email = OidcEmail.of(provider.verify(provider.idToken(code, flow[2], redirectUri()), flow[1]),
                    config.requireVerifiedEmail());
        } catch (OidcProvider.ProviderException e) {
            LOG.warnf("OpenID Connect sign-in failed: %s", e.getMessage());
            throw problem(Response.Status.BAD_GATEWAY, "Backprop could not confirm your sign-in with your university:"
                    + " " + e.getMessage() + "." + TRY_AGAIN);
        }
        String address = email.email().orElseThrow(() -> problem(Response.Status.FORBIDDEN, email.refusal()));
        Account account = Account.findByEmail(address).orElseThrow(() -> problem(Response.Status.FORBIDDEN,
                "No Backprop account uses " + address + ". Ask your instructor to add this address to the course"
                        + " roster, then sign in again."));
        return authService.openSession(account);
    }

    URI redirectUri() {
        String base = authConfig.publicUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK_PATH);
    }

    private OidcProvider.Discovery discovery() {
        try {
            return provider.discovery();
        } catch (OidcProvider.ProviderException e) {
            LOG.warnf("OpenID Connect discovery failed: %s", e.getMessage());
            throw problem(Response.Status.BAD_GATEWAY, "Your university's sign-in service cannot be reached right now"
                    + " (" + e.getMessage() + "). Sign in with your email and password, or try again later.");
        }
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw problem(Response.Status.NOT_FOUND, "Sign-in through a university account is not set up on this"
                    + " server. Sign in with your email and password.");
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static WebApplicationException problem(Response.Status status, String detail) {
        return new WebApplicationException(detail, Problem.response(status, detail));
    }
}
