package org.backprop.server.review;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A course's regrade requests, as its staff work through them. */
@Path("/api/courses/{courseId}/regrade-requests")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Review")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
@APIResponse(responseCode = "404", description = "No such course")
public class CourseRegradeResource {
    @Inject
    RegradeService regrades;

    @GET
    @Operation(summary = "List a course's regrade requests", description = "For its instructors and TAs: open"
            + " requests first, oldest first, then the answered ones.")
    public Page<RegradeRequestView> list(@PathParam("courseId") long courseId, @Valid @BeanParam PageParams paging) {
        return regrades.ofCourse(courseId, paging);
    }
}
