package org.backprop.server.review;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff review of one submission: its items, scores and overrides, and their audit trail. */
@Path("/api/submissions/{submissionId}/review")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Review")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
@APIResponse(responseCode = "404", description = "No such submission")
public class ReviewResource {
    @Inject
    ReviewService review;

    @GET
    @Operation(summary = "Review a submission", description = "For the course's instructors and TAs: every rubric"
            + " item with the grader's result, the newest staff score and the points that count.")
    public ReviewView get(@PathParam("submissionId") long submissionId) {
        return review.review(submissionId);
    }

    @PUT
    @Path("/items/{itemKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score a rubric item", description = "For the course's instructors and TAs. Scoring an item"
            + " that already has points is an override and needs a comment; every score is kept in the audit trail.")
    @APIResponse(responseCode = "400", description = "Points out of range, or an override without a comment")
    public ReviewItemView score(@PathParam("submissionId") long submissionId, @PathParam("itemKey") String itemKey,
            @Valid @NotNull(message = "The body must be a JSON object with \"points\" and \"comment\".")
            ScoreRequest body) {
        return review.score(submissionId, itemKey, body);
    }

    @GET
    @Path("/history")
    @Operation(summary = "See a submission's review history", description = "Every score and override, oldest first:"
            + " who, when, old and new points, and why.")
    public List<ScoreView> history(@PathParam("submissionId") long submissionId) {
        return review.history(submissionId);
    }
}
