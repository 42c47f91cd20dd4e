package org.backprop.server.grading;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.backprop.grader.worker.wire.FailureRequest;
import org.backprop.grader.worker.wire.LeaseView;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.grader.worker.wire.ResultRequest;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The API grading workers use with a worker token: lease a job with everything grading it needs, keep the
 * lease with heartbeats, post the result or report a failure. A lease that has ended (expired and leased
 * again) is answered 409: the worker should stop grading that job.
 */
@Path("/api/worker/leases")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Grading workers", description = "For grading workers with a worker token (Authorization: Bearer bpw_...)")
@APIResponse(responseCode = "401", description = "No worker token, or one unknown or revoked")
@APIResponse(responseCode = "403", description = "Not a worker token")
public class WorkerResource {
    private static final String NO_BODY = "The request has no body: send a JSON object.";

    @Inject
    CurrentWorker worker;

    @Inject
    WorkerService workers;

    @Inject
    GradingQueue queue;

    @POST
    @Operation(summary = "Lease the next job", description = "Highest priority first, then oldest; a worker token of"
            + " a course leases only that course's jobs. The answer holds the sources, run records, report, team"
            + " members, the rubric with every check parameter (hidden ones too) and the run limits.")
    @APIResponse(responseCode = "201", description = "Leased",
            content = @Content(schema = @Schema(implementation = LeasedJob.class)))
    @APIResponse(responseCode = "204", description = "No job waits; ask again later")
    @APIResponse(responseCode = "503", description = "The job's material could not be read; it went back to the queue")
    public Response lease(@QueryParam("worker") @Parameter(description = "Which process of this token leases, e.g."
            + " a host name; shown to staff") String label) {
        if (label != null && label.length() > 80) {
            return Problem.response(Response.Status.BAD_REQUEST, "\"worker\" may have at most 80 characters.");
        }
        return workers.lease(worker.require().holder(label))
                .map(job -> Response.status(Response.Status.CREATED).entity(job).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/{leaseId}/heartbeat")
    @Operation(summary = "Keep a lease", description = "Extends the lease by the lease duration from now.")
    @APIResponse(responseCode = "200", description = "Extended")
    @APIResponse(responseCode = "404", description = "No such lease")
    @APIResponse(responseCode = "409", description = "The lease has ended: stop grading this job")
    public LeaseView heartbeat(@PathParam("leaseId") UUID leaseId) {
        return queue.heartbeat(leaseId, worker.require().holder(null));
    }

    @POST
    @Path("/{leaseId}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post the result", description = "Ends the lease and marks the job done. Posting again for"
            + " the same lease (say after a network error) stores nothing new and answers 200 with the stored result.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = ResultView.class)))
    @APIResponse(responseCode = "200", description = "Stored before, by the same lease",
            content = @Content(schema = @Schema(implementation = ResultView.class)))
    @APIResponse(responseCode = "400", description = "Items that do not match the rubric")
    @APIResponse(responseCode = "404", description = "No such lease")
    @APIResponse(responseCode = "409", description = "The lease has ended: the result was not stored")
    public Response result(@PathParam("leaseId") UUID leaseId, @Valid @NotNull(message = NO_BODY) ResultRequest body) {
        GradingQueue.Stored stored = queue.complete(leaseId, worker.require().holder(null), body);
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(stored.result()).build();
    }

    @POST
    @Path("/{leaseId}/failure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a failure", description = "Ends the lease. The job is queued again while attempts"
            + " are left and retry is not false; otherwise it fails with the message, which students read.")
    @APIResponse(responseCode = "200", description = "Recorded; the job as it now stands")
    @APIResponse(responseCode = "404", description = "No such lease")
    @APIResponse(responseCode = "409", description = "The lease has ended")
    public JobView failure(@PathParam("leaseId") UUID leaseId, @Valid @NotNull(message = NO_BODY) FailureRequest body) {
        return JobView.of(queue.fail(leaseId, worker.require().holder(null), body.message(), body.logs(),
                body.retry() == null || body.retry()));
    }

    @ServerExceptionMapper
    public Response materialUnavailable(WorkerService.MaterialUnavailableException error) {
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, error.getMessage());
    }
}
