package org.backprop.server.grading;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.backprop.server.api.ApiError;

/** The grading worker that sent the current request, as established by {@link WorkerTokenMechanism}. */
@RequestScoped
public class CurrentWorker {
    @Inject
    SecurityIdentity identity;

    /** Returns the worker; fails with 403 for people, who use their own endpoints. */
    public WorkerPrincipal require() {
        WorkerPrincipal worker = identity.getAttribute(WorkerIdentityProvider.WORKER);
        if (worker == null) {
            throw ApiError.forbidden("Only grading workers call this endpoint, with a worker token (create one with"
                    + " POST /api/worker-tokens).");
        }
        return worker;
    }
}
