package org.backprop.server.workspace;

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

/** Any team's workspace, read-only, for the course's staff. */
@Path("/api/teams/{teamId}/assignments/{assignmentId}/workspace")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Workspace")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
@APIResponse(responseCode = "404", description = "No such assignment, or team of it")
public class TeamWorkspaceResource {
    @Inject
    WorkspaceService workspace;

    @GET
    @Operation(summary = "Read a team's workspace", description = "For the course's instructors and TAs: the team's"
            + " files as its members see them; a workspace the team has not opened shows the starter files.")
    public WorkspaceView get(@PathParam("teamId") long teamId, @PathParam("assignmentId") long assignmentId) {
        return workspace.team(teamId, assignmentId);
    }
}
