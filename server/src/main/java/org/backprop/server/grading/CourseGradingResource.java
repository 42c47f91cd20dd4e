package org.backprop.server.grading;

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

/** One course's grading queue, as its staff watch it. */
@Path("/api/courses/{courseId}/grading")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Grading")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
public class CourseGradingResource {
    @Inject
    GradingJobService jobs;

    @GET
    @Path("/queue")
    @Operation(summary = "See a course's grading queue", description = "For the course's instructors and TAs: how"
            + " many jobs wait and for how long, how many are leased, done and failed, and the latest failures.")
    public QueueView queue(@PathParam("courseId") long courseId) {
        return jobs.queue(courseId);
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "List a course's grading jobs", description = "Newest first; for its instructors and TAs.")
    public Page<JobView> jobs(@PathParam("courseId") long courseId,
            @QueryParam("state") @Parameter(description = "Only jobs in this state",
                    schema = @Schema(implementation = JobState.class)) String state,
            @Valid @BeanParam PageParams paging) {
        return jobs.jobs(courseId, state == null ? null : JobStates.parse(state), paging);
    }
}
