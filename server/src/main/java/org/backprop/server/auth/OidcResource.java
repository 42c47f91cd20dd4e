package org.backprop.server.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sign-in through the university's OpenID Connect provider, where configured (docs/oidc.md). The browser
 * opens /login, signs in at the university, and /callback gives it an ordinary Backprop session cookie.
 */
@Path("/api/auth")
@PermitAll
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Sign-in")
public class OidcResource {
    static final String FLOW_COOKIE = "backprop_oidc";

    @Inject
    OidcSignIn signIn;

    @Inject
    OidcConfig config;

    @Inject
    AuthConfig authConfig;

    @Inject
    SessionCookies sessionCookies;

    @GET
    @Path("/options")
    @Operation(summary = "How one can sign in here", description = "Whether the sign-in page should offer"
            + " \"Sign in with your university\" (GET /api/auth/oidc/login) beside the password form.")
    public SignInOptions options() {
        return new SignInOptions(true, config.enabled());
    }

    @GET
    @Path("/oidc/login")
    @Operation(summary = "Start signing in through the university", description = "For a browser: redirects to the"
            + " university's sign-in page, which sends the browser back to /api/auth/oidc/callback.")
    @APIResponse(responseCode = "303", description = "To the university's sign-in page")
    @APIResponse(responseCode = "404", description = "University sign-in is not set up on this server")
    @APIResponse(responseCode = "502", description = "The university's sign-in service cannot be reached")
    public Response login() {
        OidcSignIn.Start start = signIn.start();
        return Response.seeOther(start.authorization())
                .cookie(flowCookie(start.flowCookie(), (int) config.loginTimeout().toSeconds()))
                .build();
    }

    @GET
    @Path("/oidc/callback")
    @Operation(summary = "Finish signing in through the university", description = "Where the university's sign-in"
            + " page sends the browser back. Finds the account by the verified email of the ID token, sets the"
            + " session cookie and redirects to the editor. Accounts come from course rosters; none is created.")
    @APIResponse(responseCode = "303", description = "Signed in; to the editor")
    @APIResponse(responseCode = "400", description = "The sign-in was started elsewhere or too long ago")
    @APIResponse(responseCode = "401", description = "The university refused the sign-in")
    @APIResponse(responseCode = "403", description = "No account uses the email, or it is not verified")
    @APIResponse(responseCode = "404", description = "University sign-in is not set up on this server")
    @APIResponse(responseCode = "502", description = "The university's answer could not be verified")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription,
            @CookieParam(FLOW_COOKIE) String flow) {
        AuthService.Opened opened = signIn.finish(code, state, error, errorDescription, flow);
        return Response.seeOther(URI.create(signIn.redirectUri().resolve("/").toString()))
                .cookie(sessionCookies.opened(opened.sessionToken()), flowCookie("", 0))
                .build();
    }

    /** Sent back only to the callback path; Lax still lets it ride along the provider's top-level redirect. */
    private NewCookie flowCookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(FLOW_COOKIE)
                .value(value)
                .path("/api/auth/oidc")
                .httpOnly(true)
                .secure(authConfig.secureCookie())
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAgeSeconds)
                .build();
    }
}
