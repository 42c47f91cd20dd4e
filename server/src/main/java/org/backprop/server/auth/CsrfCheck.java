package org.backprop.server.auth;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.backprop.server.api.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses state-changing requests that come with the session cookie but without the session's CSRF
 * token in {@value #HEADER}. Another site can make a browser send the cookie, but it cannot read the
 * token, which the page gets from sign-in or {@code GET /api/auth/me}. Bearer tokens need no check.
 */
public class CsrfCheck {
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CurrentIdentityAssociation identities;

    /**
     * Endpoints open to everyone ({@code @PermitAll}, e.g. sign-in) act on no session, so a stale or
     * foreign cookie must not block them.
     */
    @ServerRequestFilter
    public Uni<Response> requireToken(ContainerRequestContext request, ResourceInfo resource) {
        if (SAFE_METHODS.contains(request.getMethod())
                || resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            return Uni.createFrom().nullItem();
        }
        // A credential that fails here fails again, with its own 401, when the endpoint needs it.
        return identities.getDeferredIdentity().onFailure().recoverWithNull()
                .map(identity -> refusal(identity, request.getHeaderString(HEADER)));
    }

    private static Response refusal(SecurityIdentity identity, String presented) {
        String expected = identity == null ? null : identity.getAttribute(CurrentAccount.CSRF_TOKEN);
        if (expected == null || Secrets.same(expected, presented)) {
            return null;
        }
        return Problem.response(Response.Status.FORBIDDEN, presented == null
                ? "This request is missing the " + HEADER + " header that proves it comes from a Backprop page."
                        + " Reload the page and try again."
                : "The " + HEADER + " header does not match your session. Reload the page and try again.");
    }
}
