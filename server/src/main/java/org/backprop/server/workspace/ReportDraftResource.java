package org.backprop.server.workspace;

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
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My draft of my report for an assignment, kept while I write it; no team needed. */
@Path("/api/assignments/{assignmentId}/report-draft")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Workspace")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a student of the course")
@APIResponse(responseCode = "404", description = "No such assignment")
public class ReportDraftResource {
    @Inject
    ReportDraftService drafts;

    @GET
    @Operation(summary = "Get my report draft", description = "Before the first save: revision 0, no time, and a"
            + " template with the assignment's title and a heading for each section its report check requires.")
    public DraftView get(@PathParam("assignmentId") long assignmentId) {
        return drafts.mine(assignmentId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save my report draft", description = "Body: {\"markdown\": the text, \"baseRevision\": the"
            + " revision the editor opened, 0 before the first save}. Answers with the stored draft.")
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "400", description = "Not JSON, no markdown, or text that is not UTF-8")
    @APIResponse(responseCode = "409", description = "I saved another version since the base revision (another"
            + " tab); \"theirs\" is the draft as stored now", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = ConflictProblem.class)))
    @APIResponse(responseCode = "413", description = "Over the draft size limit; the detail names it")
    public DraftView save(@PathParam("assignmentId") long assignmentId,
            @Valid @NotNull(message = "The request has no body: send {\"markdown\": ..., \"baseRevision\": ...}.")
            DraftRequest body) {
        return drafts.save(assignmentId, body);
    }
}
