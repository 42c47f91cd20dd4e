package org.backprop.server.workspace;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A student's team's workspace for an assignment: the files the team edits in the browser, with their revisions. */
@Path("/api/assignments/{assignmentId}/workspace")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Workspace")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a student of the course")
@APIResponse(responseCode = "404", description = "No such assignment, file or revision")
@APIResponse(responseCode = "409", description = "I am not in a team of the assignment's team set")
public class WorkspaceResource {
    private static final String CONFLICT = "A teammate (or I, in another tab) changed the file since the base"
            + " revision; the detail says who and when, and \"theirs\" is the file as stored now";

    @Inject
    WorkspaceService workspace;

    @GET
    @Operation(summary = "Open my team's workspace", description = "Its files that are not deleted, by path, each at"
            + " its latest revision. The first opening seeds it from the starter files, at revision 1 without an"
            + " author.")
    public WorkspaceView get(@PathParam("assignmentId") long assignmentId) {
        return workspace.mine(assignmentId);
    }

    @PUT
    @Path("/files/{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a file", description = "Body: {\"content\": the text, \"baseRevision\": the revision"
            + " the editor opened, 0 for a new file (also over a deleted one)}. Stored as revision base + 1 (or the"
            + " one after a deleted file's tombstone), by me, at the server's time. Paths and limits are the"
            + " submission's: the workspace stays something the team can submit.")
    @APIResponse(responseCode = "200", description = "Saved; the file at its new revision")
    @APIResponse(responseCode = "400", description = "Not JSON, no content, a bad path, or text that is not UTF-8")
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = ConflictProblem.class)))
    @APIResponse(responseCode = "413", description = "Over the file-count or source-size limit; the detail names it")
    public FileView save(@PathParam("assignmentId") long assignmentId, @PathParam("path") String path,
            @Valid @NotNull(message = "The request has no body: send {\"content\": ..., \"baseRevision\": ...}.")
            SaveRequest body) {
        return workspace.save(assignmentId, path, body);
    }

    @DELETE
    @Path("/files/{path: .+}")
    @Operation(summary = "Delete a file", description = "Keeps a tombstone revision (base + 1), so a teammate still"
            + " editing an older revision gets a conflict instead of bringing the file back unseen.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "No baseRevision")
    @APIResponse(responseCode = "409", description = CONFLICT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = ConflictProblem.class)))
    public void delete(@PathParam("assignmentId") long assignmentId, @PathParam("path") String path,
            @QueryParam("baseRevision") Integer baseRevision) {
        workspace.delete(assignmentId, path, baseRevision);
    }

    @POST
    @Path("/files/{path: .+}/rename")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a file", description = "Body: {\"to\": the new path, \"baseRevision\": the revision"
            + " the editor opened}. The old path gets a tombstone; the new one starts at revision 1 (or after its"
            + " tombstone).")
    @APIResponse(responseCode = "200", description = "Renamed; the file at its new path")
    @APIResponse(responseCode = "400", description = "Not JSON, no \"to\", or a bad path")
    @APIResponse(responseCode = "409", description = CONFLICT + "; or a file already has the new path (\"theirs\" is"
            + " that file)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = ConflictProblem.class)))
    public FileView rename(@PathParam("assignmentId") long assignmentId, @PathParam("path") String path,
            @Valid @NotNull(message = "The request has no body: send {\"to\": ..., \"baseRevision\": ...}.")
            RenameRequest body) {
        return workspace.rename(assignmentId, path, body);
    }

    @GET
    @Path("/files/{path: .+}/revisions")
    @Operation(summary = "List a file's revisions", description = "Newest first, without content; deletions"
            + " included. Every revision ever saved is kept.")
    public List<RevisionView> revisions(@PathParam("assignmentId") long assignmentId,
            @PathParam("path") String path) {
        return workspace.revisions(assignmentId, path);
    }

    @GET
    @Path("/files/{path: .+}/revisions/{revision: \\d+}")
    @Operation(summary = "Get one revision of a file", description = "With its content; a deletion has none.")
    public FileView revision(@PathParam("assignmentId") long assignmentId, @PathParam("path") String path,
            @PathParam("revision") int revision) {
        return workspace.revision(assignmentId, path, revision);
    }
}
