package org.backprop.server.grading;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a worker token from {@code Authorization: Bearer bpw_...}. It runs before the account mechanism
 * (higher priority) and passes every other request on to it, so worker tokens never reach the account lookup.
 */
@ApplicationScoped
public class WorkerTokenMechanism implements HttpAuthenticationMechanism {
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return workerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .map(token -> {
                    WorkerTokenRequest request = new WorkerTokenRequest(token);
                    HttpSecurityUtils.setRoutingContextAttribute(request, context);
                    return identities.authenticate(request);
                })
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(WorkerTokenRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    /** Returns the worker token of an Authorization header, if it holds one. */
    static Optional<String> workerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.startsWith(WorkerTokenService.PREFIX) ? Optional.of(token) : Optional.empty();
    }
}
