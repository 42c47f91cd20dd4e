package org.backprop.server.grading;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Grading jobs, their results and regrades for staff; the whole queue for administrators. */
@Path("/api/grading")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Grading")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
public class GradingResource {
    @Inject
    GradingJobService jobs;

    @GET
    @Path("/queue")
    @Operation(summary = "See the whole grading queue", description = "For administrators: every course together.")
    public QueueView queue() {
        return jobs.queue(null);
    }

    @GET
    @Path("/jobs/{jobId}")
    @Operation(summary = "Get a grading job")
    @APIResponse(responseCode = "404", description = "No such job")
    public JobView job(@PathParam("jobId") long jobId) {
        return jobs.job(jobId);
    }

    @GET
    @Path("/jobs/{jobId}/result")
    @Operation(summary = "Get a job's result", description = "Every item whatever its visibility, and the logs.")
    @APIResponse(responseCode = "404", description = "No such job, or no result yet")
    public ResultView result(@PathParam("jobId") long jobId) {
        return jobs.result(jobId);
    }

    @POST
    @Path("/submissions/{submissionId}/regrade")
    @Operation(summary = "Regrade a submission", description = "For the course's instructors and TAs: queues a new"
            + " job for the submission, ahead of first gradings.")
    @APIResponse(responseCode = "201", description = "Queued")
    @APIResponse(responseCode = "404", description = "The submission was never queued")
    public Response regrade(@PathParam("submissionId") long submissionId) {
        return Response.status(Response.Status.CREATED).entity(jobs.regrade(submissionId)).build();
    }
}
