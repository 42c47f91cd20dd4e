package org.backprop.server.auth;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The account that sent the current request, as established by {@link CredentialMechanism}. */
@RequestScoped
public class CurrentAccount {
    static final String ACCOUNT_ID = "backprop.account-id";
    static final String SESSION_ID = "backprop.session-id";
    static final String CSRF_TOKEN = "backprop.csrf-token";
    static final String ADMIN_ROLE = "admin";

    @Inject
    SecurityIdentity identity;

    /** Returns the account's id; fails with 401 for anonymous requests. */
    public long id() {
        Long id = identity.getAttribute(ACCOUNT_ID);
        if (id == null) {
            throw new UnauthorizedException();
        }
        return id;
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN_ROLE);
    }

    Optional<Long> sessionId() {
        return Optional.ofNullable(identity.getAttribute(SESSION_ID));
    }

    Optional<String> csrfToken() {
        return Optional.ofNullable(identity.getAttribute(CSRF_TOKEN));
    }
}
