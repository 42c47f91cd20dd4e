package org.backprop.server.gradebook;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A course's gradebook as JSON and as CSV for the LMS. */
@Path("/api/courses/{courseId}")
@Authenticated
@Tag(name = "Gradebook")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not staff of the course")
@APIResponse(responseCode = "404", description = "No such course")
public class GradebookResource {
    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    GradebookService gradebook;

    @GET
    @Path("/gradebook")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Get a course's gradebook", description = "For its instructors and TAs: every student's score"
            + " per assignment (team's latest submission, overrides included, times its late credit). Whole: a course"
            + " has at most a few hundred students.")
    public GradebookView get(@PathParam("courseId") long courseId) {
        return gradebook.gradebook(courseId);
    }

    @GET
    @Path("/gradebook.csv")
    @Produces({CSV, Problem.MEDIA_TYPE})
    @Operation(summary = "Export a course's gradebook as CSV", description = "UTF-8, header email,name and the"
            + " assignment ids, one row per student, an empty cell where nothing was handed in.")
    public Response csv(@PathParam("courseId") long courseId) {
        return Response.ok(GradebookCsv.write(gradebook.gradebook(courseId)), CSV)
                .header("Content-Disposition", "attachment; filename=\"gradebook-" + courseId + ".csv\"").build();
    }
}
