package org.backprop.server.experiment;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.backprop.grader.check.AblationTable;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A student's team's experiment log for an assignment: where runs go as each fit ends. */
@Path("/api/assignments/{assignmentId}/runs")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Experiment log")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a student of the course")
@APIResponse(responseCode = "404", description = "No such assignment, or no such run in my team's log")
@APIResponse(responseCode = "409", description = "I am not in a team of the assignment's team set")
public class MyTeamRunsResource {
    @Inject
    ExperimentLog log;

    @Inject
    RunModels models;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keep a run in my team's experiment log", description = "Body: {\"sourceSha256\": the"
            + " SHA-256 of the sources that produced the run or null, \"record\": the run record as nn's RunRecordJson"
            + " writes it}. The run is kept as run by me, at the server's time; a submission of my team can then"
            + " name it. Answers with the stored run.")
    @APIResponse(responseCode = "201", description = "Kept; Location names the run")
    @APIResponse(responseCode = "400", description = "Not JSON, no record, a record the reader refuses, or a bad"
            + " sourceSha256")
    @APIResponse(responseCode = "413", description = "The record is over the size limit; the detail names it")
    public Response record(@PathParam("assignmentId") long assignmentId, RunRequest body, @Context UriInfo uri) {
        RunView run = log.record(assignmentId, body);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(run.id())).build()).entity(run)
                .build();
    }

    @GET
    @Operation(summary = "List my team's runs", description = "Newest first, without the records.")
    public Page<RunView> list(@PathParam("assignmentId") long assignmentId, @Valid @BeanParam PageParams paging) {
        return log.mine(assignmentId, paging);
    }

    @GET
    @Path("/ablation")
    @Operation(summary = "My team's ablation study", description = "The newest run tagged baseline and, per"
            + " component, the newest variant tagged ablation:no-<component>: what its model graph removes from the"
            + " baseline's, whether that isolates the component (as the ablation check grades it), and its final"
            + " metric against the baseline's. Without a baseline, baseline is null.")
    public AblationTable ablation(@PathParam("assignmentId") long assignmentId) {
        return log.ablation(assignmentId);
    }

    @GET
    @Path("/{runId}")
    @Operation(summary = "Get a run of my team", description = "With the whole run record, for charts.")
    public RunView get(@PathParam("assignmentId") long assignmentId, @PathParam("runId") long runId) {
        return log.mine(assignmentId, runId);
    }

    @PUT
    @Path("/{runId}/model")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Keep the model saved after a run of mine", description = "Body: the saved-model bytes"
            + " (nn's saved-model format, as model.save(name) wrote them), at most a submission's weights limit;"
            + " name: the name it was saved under. Only the member who ran the run sends its model; a second one"
            + " replaces the first. Answers with the run as lists show it.")
    @APIResponse(responseCode = "200", description = "Kept; the run's model names it")
    @APIResponse(responseCode = "400", description = "No body, or a name Model.save refuses")
    @APIResponse(responseCode = "403", description = "Not a student of the course, or a teammate ran the run")
    @APIResponse(responseCode = "413", description = "Over the weights limit; the detail names it")
    public RunView saveModel(@PathParam("assignmentId") long assignmentId, @PathParam("runId") long runId,
            @QueryParam("name") String name, InputStream body) {
        return models.save(assignmentId, runId, name, body);
    }

    @GET
    @Path("/{runId}/model")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, Problem.MEDIA_TYPE})
    @Operation(summary = "Download the model saved after a run of my team", description = "As <name>.bpm; the ETag"
            + " is its SHA-256.")
    public Response model(@PathParam("assignmentId") long assignmentId, @PathParam("runId") long runId) {
        return download(models.mine(assignmentId, runId));
    }

    /** The saved model as a file download, its SHA-256 the ETag (the same bytes always have the same name). */
    static Response download(RunModels.Download model) {
        return Response.ok(model.blob().toFile(), MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + model.name() + ".bpm\"")
                .header(HttpHeaders.ETAG, "\"" + model.sha256() + "\"")
                .build();
    }
}
