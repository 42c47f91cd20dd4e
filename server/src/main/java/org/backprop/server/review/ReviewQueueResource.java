package org.backprop.server.review;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A course's submissions as its staff work through them. */
@Path("/api/courses/{courseId}/review-queue")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Review")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
@APIResponse(responseCode = "404", description = "No such course")
public class ReviewQueueResource {
    @Inject
    ReviewQueueService queue;

    @GET
    @Operation(summary = "List the review queue", description = "For the course's instructors and TAs: the newest"
            + " submission of each team per assignment (every version with allVersions=true), oldest first, each with"
            + " where it stands, the first that holds of: REGRADE_REQUESTED (an open request), WAITING (grading not"
            + " finished), NEEDS_REVIEW (an item without points), PUBLISHED (results published), GRADED.")
    @APIResponse(responseCode = "400", description = "An unknown state, or paging out of range")
    public Page<QueueItemView> list(@PathParam("courseId") long courseId,
            @QueryParam("assignmentId") @Parameter(description = "Only this assignment's submissions") Long assignmentId,
            @QueryParam("teamId") @Parameter(description = "Only this team's submissions") Long teamId,
            @QueryParam("state") @Parameter(description = "Only submissions in this state",
                    schema = @Schema(implementation = ReviewState.class)) String state,
            @QueryParam("allVersions") @Parameter(description = "Older versions too, not only each team's newest")
            boolean allVersions,
            @Valid @BeanParam PageParams paging) {
        return queue.queue(courseId, new ReviewQueueService.Filter(assignmentId, teamId,
                state == null || state.isBlank() ? null : ReviewState.parse(state), allVersions), paging);
    }
}
