package org.backprop.server.review;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Answering one regrade request. */
@Path("/api/regrade-requests/{requestId}")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Review")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
@APIResponse(responseCode = "404", description = "No such request")
public class RegradeRequestResource {
    @Inject
    RegradeService regrades;

    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a regrade request", description = "For the course's instructors and TAs: ACCEPT with"
            + " new points (recorded as an override with the comment) or DECLINE with a comment; \"rerun\" also"
            + " queues a new grading run.")
    @APIResponse(responseCode = "400", description = "No decision, no comment, or accepting without points")
    @APIResponse(responseCode = "409", description = "Already answered")
    public RegradeRequestView answer(@PathParam("requestId") long requestId,
            @Valid @NotNull(message = "The body must be a JSON object with \"decision\" and \"comment\".")
            RegradeAnswer body) {
        return regrades.answer(requestId, body);
    }
}
