package org.backprop.server.auth;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.server.account.Account;
import org.backprop.server.account.AccountView;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in with a password (a session cookie for the browser), passwords, and API tokens for scripts. */
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
    PasswordService passwords;

    @Inject
    SessionCookies cookies;

    @Context
    HttpServerRequest request;

    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with email and password", description = "Sets the session cookie (HttpOnly,"
            + " SameSite=Lax, Secure) and returns the CSRF token that state-changing requests must send in the "
            + CsrfCheck.HEADER + " header.")
    @APIResponse(responseCode = "200", description = "Signed in")
    @APIResponse(responseCode = "401", description = "Wrong email or password")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this email or from this client"
            + " address; the detail and Retry-After say when to try again. A success clears the email's count.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"))
    public Response login(@Valid @NotNull(message = "The request has no body: send {\"email\": ..., \"password\": ...}.")
            LoginRequest body) {
        AuthService.Opened opened = authService.signIn(body.email(), body.password(), clientAddress());
        return Response.ok(new SessionView(AccountView.of(opened.account()), opened.csrfToken()))
                .cookie(cookies.opened(opened.sessionToken()))
                .build();
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Sign out", description = "Ends the browser session and clears its cookie.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout() {
        me.sessionId().ifPresent(authService::signOut);
        return Response.noContent().cookie(cookies.cleared()).build();
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
    @Path("/password-setup")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose a first password with a setup link", description = "For accounts a roster import"
            + " created: the instructor passes on a one-time link (the server sends no email) whose token goes here."
            + " Then sign in with the new password.")
    @APIResponse(responseCode = "204", description = "Password set; the link is used up")
    @APIResponse(responseCode = "400", description = "Unknown link, or a password that is too weak")
    @APIResponse(responseCode = "410", description = "The link was used already or has expired")
    public void setUpPassword(@Valid @NotNull(message = "The request has no body: send {\"token\": ...,"
            + " \"password\": ...}.") PasswordSetupRequest body) {
        passwords.setUp(body.token(), body.password());
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my password", description = "Ends my other browser sessions; API tokens stay.")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Wrong current password, or a new one that is too weak")
    @APIResponse(responseCode = "409", description = "The account has no password yet")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords; see Retry-After")
    public void changePassword(@Valid @NotNull(message = "The request has no body: send {\"currentPassword\": ...,"
            + " \"newPassword\": ...}.") PasswordChangeRequest body) {
        passwords.change(me.id(), me.sessionId().orElse(null), body.currentPassword(), body.newPassword(),
                clientAddress());
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

    /** The client's address; behind a reverse proxy, configure Quarkus to read it from X-Forwarded-For. */
    private String clientAddress() {
        return request.remoteAddress().hostAddress();
    }
}
