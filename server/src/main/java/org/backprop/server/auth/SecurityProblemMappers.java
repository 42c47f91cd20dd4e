package org.backprop.server.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Gives missing and refused credentials the shape of a {@link Problem} instead of an empty body. */
public class SecurityProblemMappers {
    private static final String SIGN_IN = "Sign in first, or send an API token as \"Authorization: Bearer <token>\".";

    @ServerExceptionMapper
    public Response notSignedIn(UnauthorizedException error) {
        return challenge(SIGN_IN);
    }

    /** The detail comes from {@link AuthService}, which says why the credential was refused. */
    @ServerExceptionMapper
    public Response refusedCredential(AuthenticationFailedException error) {
        return challenge(error.getMessage() == null ? SIGN_IN : error.getMessage());
    }

    private static Response challenge(String detail) {
        Response problem = Problem.response(Response.Status.UNAUTHORIZED, detail);
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
