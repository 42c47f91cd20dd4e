package org.backprop.server.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a session or API token into a security identity; the database lookup runs off the event loop. */
@ApplicationScoped
public class CredentialIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    @Inject
    AuthService authService;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Credential credential = Credential.valueOf(request.getToken().getType());
        return context.runBlocking(() -> identity(authService.identify(credential, request.getToken().getToken())));
    }

    private static SecurityIdentity identity(SignedIn signedIn) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(signedIn.account().email))
                .addAttribute(CurrentAccount.ACCOUNT_ID, signedIn.account().id);
        if (signedIn.account().admin) {
            identity.addRole(CurrentAccount.ADMIN_ROLE);
        }
        if (signedIn.credential() == Credential.SESSION) {
            identity.addAttribute(CurrentAccount.SESSION_ID, signedIn.sessionId())
                    .addAttribute(CurrentAccount.CSRF_TOKEN, signedIn.csrfToken());
        }
        return identity.build();
    }
}
