package org.backprop.server.grading;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a worker token into an identity with the worker role and no account; the lookup runs off the event loop. */
@ApplicationScoped
public class WorkerIdentityProvider implements IdentityProvider<WorkerTokenRequest> {
    static final String WORKER_ROLE = "grading-worker";
    static final String WORKER = "backprop.worker";

    @Inject
    WorkerTokenService tokens;

    @Override
    public Class<WorkerTokenRequest> getRequestType() {
        return WorkerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(WorkerTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            WorkerPrincipal worker = tokens.identify(request.token());
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("worker:" + worker.name()))
                    .addRole(WORKER_ROLE)
                    .addAttribute(WORKER, worker)
                    .build();
        });
    }
}
