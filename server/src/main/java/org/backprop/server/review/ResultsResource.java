package org.backprop.server.review;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A submission's results as its team sees them. */
@Path("/api/submissions/{submissionId}/results")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Review")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not in the team that handed it in, nor staff of the course")
@APIResponse(responseCode = "404", description = "No such submission, or its results are not published yet")
public class ResultsResource {
    @Inject
    ReviewService review;

    @GET
    @Operation(summary = "Get a submission's results", description = "For the team once the instructor has published"
            + " the assignment's results (staff may look before): the items visible now and the points that count.")
    public StudentResultView get(@PathParam("submissionId") long submissionId) {
        return review.results(submissionId);
    }
}
