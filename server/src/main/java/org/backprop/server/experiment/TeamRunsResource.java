package org.backprop.server.experiment;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.grader.check.AblationTable;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Any team's experiment log, for the course's staff. */
@Path("/api/teams/{teamId}/assignments/{assignmentId}/runs")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Experiment log")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
@APIResponse(responseCode = "404", description = "No such assignment, team of it, or run of the team")
public class TeamRunsResource {
    @Inject
    ExperimentLog log;

    @Inject
    RunModels models;

    @GET
    @Operation(summary = "List a team's runs", description = "For the course's instructors and TAs; newest first,"
            + " without the records.")
    public Page<RunView> list(@PathParam("teamId") long teamId, @PathParam("assignmentId") long assignmentId,
            @Valid @BeanParam PageParams paging) {
        return log.team(teamId, assignmentId, paging);
    }

    @GET
    @Path("/ablation")
    @Operation(summary = "A team's ablation study", description = "As the team sees it: see GET"
            + " /api/assignments/{assignmentId}/runs/ablation.")
    public AblationTable ablation(@PathParam("teamId") long teamId, @PathParam("assignmentId") long assignmentId) {
        return log.ablation(teamId, assignmentId);
    }

    @GET
    @Path("/{runId}")
    @Operation(summary = "Get a run of a team", description = "For the course's instructors and TAs; with the whole"
            + " run record.")
    public RunView get(@PathParam("teamId") long teamId, @PathParam("assignmentId") long assignmentId,
            @PathParam("runId") long runId) {
        return log.team(teamId, assignmentId, runId);
    }

    @GET
    @Path("/{runId}/model")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, Problem.MEDIA_TYPE})
    @Operation(summary = "Download the model saved after a run of a team", description = "For the course's"
            + " instructors and TAs; as <name>.bpm, the ETag its SHA-256.")
    public Response model(@PathParam("teamId") long teamId, @PathParam("assignmentId") long assignmentId,
            @PathParam("runId") long runId) {
        return MyTeamRunsResource.download(models.team(teamId, assignmentId, runId));
    }
}
