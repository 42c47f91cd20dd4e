package org.backprop.server.review;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The regrade requests of one submission. */
@Path("/api/submissions/{submissionId}/regrade-requests")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Review")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not in the team that handed it in, nor staff of the course")
@APIResponse(responseCode = "404", description = "No such submission")
public class SubmissionRegradeResource {
    @Inject
    RegradeService regrades;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a regrade of an item", description = "For the team, once results are published, on"
            + " an item it can see; one open request per item.")
    @APIResponse(responseCode = "201", description = "Filed")
    @APIResponse(responseCode = "400", description = "No item key or no reason")
    @APIResponse(responseCode = "409", description = "The item already has an open request")
    public Response ask(@PathParam("submissionId") long submissionId,
            @Valid @NotNull(message = "The body must be a JSON object with \"itemKey\" and \"reason\".")
            RegradeAsk body) {
        return Response.status(Response.Status.CREATED).entity(regrades.ask(submissionId, body)).build();
    }

    @GET
    @Operation(summary = "List a submission's regrade requests", description = "Newest first; for the team and staff.")
    public List<RegradeRequestView> list(@PathParam("submissionId") long submissionId) {
        return regrades.ofSubmission(submissionId);
    }
}
