package org.backprop.server.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Reads the credential of a request: an {@code Authorization: Bearer} API token, else the session cookie.
 * A bearer token wins so that a script run from a signed-in browser profile is never mistaken for the page.
 */
@ApplicationScoped
public class CredentialMechanism implements HttpAuthenticationMechanism {
    private static final String BEARER = "Bearer ";

    @Inject
    AuthConfig config;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return identities.authenticate(request(context, Credential.BEARER,
                    authorization.substring(BEARER.length()).trim()));
        }
        Cookie cookie = context.request().getCookie(config.sessionCookie());
        if (cookie != null && !cookie.getValue().isEmpty()) {
            return identities.authenticate(request(context, Credential.SESSION, cookie.getValue()));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    private static TokenAuthenticationRequest request(RoutingContext context, Credential credential, String token) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, credential.name()));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return request;
    }
}
