package org.backprop.server.similarity;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Code similarity between an assignment's teams, for the course's staff. */
@Path("/api/assignments/{assignmentId}/similarity")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Review")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
@APIResponse(responseCode = "404", description = "No such assignment, or no report yet (GET)")
public class SimilarityResource {
    @Inject
    SimilarityService similarity;

    @POST
    @Operation(summary = "Compare the teams' code now", description = "For the course's instructors and TAs: runs JPlag"
            + " (Java) over the newest submission of every team, with the starter files as base code that never counts,"
            + " while the request waits (seconds for a course's worth of small projects), keeps the report and returns"
            + " it.")
    public SimilarityView run(@PathParam("assignmentId") long assignmentId) {
        return similarity.run(assignmentId);
    }

    @GET
    @Operation(summary = "See the latest similarity report", description = "For the course's instructors and TAs: every"
            + " pair of teams, most similar first, with the matched regions.")
    public SimilarityView latest(@PathParam("assignmentId") long assignmentId) {
        return similarity.latest(assignmentId);
    }
}
