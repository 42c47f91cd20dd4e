package org.backprop.server.grading;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.backprop.server.api.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses worker tokens everywhere but the worker API: a leaked worker token must not read accounts,
 * courses or submissions, whatever an endpoint's own checks would allow.
 */
public class WorkerTokenFence {

    @ServerRequestFilter
    public Optional<Response> keepWorkersToTheirApi(ContainerRequestContext request, ResourceInfo resource) {
        Class<?> target = resource.getResourceClass();
        if (target == WorkerResource.class || target == WorkerShardResource.class
                || WorkerTokenMechanism.workerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.FORBIDDEN, "A worker token can only lease grading jobs,"
                + " read their datasets and report on them (under /api/worker). Sign in as a person for anything"
                + " else."));
    }
}
