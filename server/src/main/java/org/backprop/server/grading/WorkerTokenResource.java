package org.backprop.server.grading;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tokens for grading workers: a course's instructors manage its own, administrators those for every course. */
@Path("/api/worker-tokens")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Grading")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an instructor of the course, or not an administrator")
public class WorkerTokenResource {
    @Inject
    WorkerTokenService tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a worker token", description = "The token is shown in this answer only; the server"
            + " keeps its SHA-256 hash. It can lease jobs and post results, nothing else.")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(@Valid @NotNull(message = "The request has no body: send {\"name\": ..., \"courseId\":"
            + " ...}.") NewWorkerToken body) {
        return Response.status(Response.Status.CREATED).entity(tokens.create(body)).build();
    }

    @GET
    @Operation(summary = "List worker tokens", description = "Of one course, or without courseId every token"
            + " (administrators). Names and dates only, never the secrets.")
    public Page<WorkerTokenView> list(@QueryParam("courseId") @Parameter(description = "The course") Long courseId,
            @Valid @BeanParam PageParams paging) {
        return tokens.list(courseId, paging);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a worker token", description = "Requests with it are refused from now on.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token")
    public WorkerTokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
