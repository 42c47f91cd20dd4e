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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A course's gradebook as JSON and as CSV for the LMS, and an assignment's results for Gradescope. */
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

    @Inject
    GradescopeExporter gradescope;

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

    @GET
    @Path("/gradebook/{assignmentId}/gradescope.json")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Export an assignment's results for Gradescope", description = "For the course's instructors"
            + " and TAs: per team, its latest submission's result in the shape of Gradescope's autograder"
            + " results.json ({\"score\", \"output\", \"visibility\", \"tests\": [{\"name\", \"score\","
            + " \"max_score\", \"output\", \"visibility\"}]}), with the team and its members' e-mail addresses,"
            + " by which Gradescope matches students. The score is the gradebook's: staff scores in force, times the"
            + " late credit. Item visibility maps to visible, after_due_date or hidden; an item waiting for a TA has"
            + " no score. Teams whose latest submission is not graded yet are left out.")
    @APIResponse(responseCode = "200", description = "The teams' results", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GradescopeExport.class)))
    @APIResponse(responseCode = "404", description = "No such course, or no such assignment in it")
    public Response gradescope(@PathParam("courseId") long courseId, @PathParam("assignmentId") long assignmentId) {
        return Response.ok(gradescope.export(courseId, assignmentId), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"gradescope-" + assignmentId + ".json\"")
                .build();
    }
}
