package org.backprop.server.auth;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.backprop.server.account.Account;
import org.backprop.server.account.AccountView;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in with a password (a session cookie for the browser) and API tokens for scripts. */
@Path("/api/auth")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Sign-in")
public class AuthResource {
    @Inject
    AuthService authService;

    @Inject
    CurrentAccount me;

    @Inject
    AuthConfig config;

    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with email and password", description = "Sets the session cookie (HttpOnly,"
            + " SameSite=Lax, Secure) and returns the CSRF token that state-changing requests must send in the "
            + CsrfCheck.HEADER + " header.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "Wrong email or password")
    public Response login(@Valid @NotNull(message = "The request has no body: send {\"email\": ..., \"password\": ...}.")
            LoginRequest body) {
        AuthService.Opened opened = authService.signIn(body.email(), body.password());
        return Response.ok(new SessionView(AccountView.of(opened.account()), opened.csrfToken()))
                .cookie(sessionCookie(opened.sessionToken(), (int) config.sessionLifetime().toSeconds()))
                .build();
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Sign out", description = "Ends the browser session and clears its cookie.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout() {
        me.sessionId().ifPresent(authService::signOut);
        return Response.noContent().cookie(sessionCookie("", 0)).build();
    }

    @GET
    @Path("/me")
    @Operation(summary = "Who is signed in", description = "For a browser session also the CSRF token, so that a"
            + " reloaded page can find it again.")
    public SessionView whoAmI() {
        Account account = Account.findById(me.id());
        return new SessionView(AccountView.of(account), me.csrfToken().orElse(null));
    }

    @POST
    @Path("/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API token", description = "The token is shown in this answer only; the"
            + " server keeps its SHA-256 hash.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response createToken(@Valid @NotNull(message = "The request has no body: send {\"name\": ...}.")
            TokenRequest body) {
        return Response.status(Response.Status.CREATED).entity(authService.issueToken(me.id(), body.name())).build();
    }

    @GET
    @Path("/tokens")
    @Operation(summary = "List my API tokens", description = "Names and dates only, never the secrets.")
    public Page<TokenView> tokens(@Valid @BeanParam PageParams paging) {
        return authService.tokens(me.id(), paging);
    }

    @DELETE
    @Path("/tokens/{id}")
    @Operation(summary = "Revoke one of my API tokens")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token of mine")
    public void revokeToken(@PathParam("id") long id) {
        authService.revokeToken(me.id(), id);
    }

    private NewCookie sessionCookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(config.sessionCookie())
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAgeSeconds)
                .build();
    }
}
