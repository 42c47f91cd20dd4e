package org.backprop.server.review;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Publishing an assignment's results to its students. */
@Path("/api/assignments/{assignmentId}/results/publication")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Review")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an instructor of the course")
@APIResponse(responseCode = "404", description = "No such assignment")
public class PublicationResource {
    @Inject
    ReviewService review;

    @POST
    @Operation(summary = "Publish an assignment's results", description = "For the course's instructors: from now on"
            + " students see their team's items (hidden ones never, after-due ones once due). Publishing again"
            + " changes nothing.")
    public PublicationView publish(@PathParam("assignmentId") long assignmentId) {
        return review.publish(assignmentId);
    }
}
