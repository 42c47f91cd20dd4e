package org.backprop.server.assignment;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A course's assignments, and publishing them from assignment folders. */
@Path("/api/courses/{courseId}/assignments")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Assignments")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Signed in, but without the role this needs")
public class CourseAssignmentsResource {
    private static final String IMPORT_RULES = " Re-importing the same id updates title, summary, datasets, starter"
            + " files and rubric, keeps the deadline and late credit (staff edit those with PUT"
            + " /api/assignments/{id}/deadline) and never changes submissions.";

    @Inject
    AssignmentService assignments;

    @GET
    @Operation(summary = "List the assignments", description = "For members of the course, by due time.")
    public Page<AssignmentView> list(@PathParam("courseId") long courseId, @Valid @BeanParam PageParams paging) {
        return assignments.list(courseId, paging);
    }

    @GET
    @Path("/folders")
    @Operation(summary = "List the server's assignment folders", description = "For instructors: the ids under the"
            + " server's assignments folder that POST .../import/{id} publishes.")
    public List<String> folders(@PathParam("courseId") long courseId) {
        return assignments.folders(courseId);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish an uploaded assignment folder", description = "For instructors. The folder's files"
            + " travel as a JSON map from relative path to text; it must hold assignment.yaml and the starter files"
            + " it lists." + IMPORT_RULES)
    @APIResponse(responseCode = "201", description = "Published")
    @APIResponse(responseCode = "200", description = "Updated the assignment published from this id before")
    @APIResponse(responseCode = "400", description = "Malformed request or a bad path")
    @APIResponse(responseCode = "422", description = "assignment.yaml is invalid; every error with its YAML path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = SpecProblem.class)))
    public Response importFiles(@PathParam("courseId") long courseId,
            @Valid @NotNull(message = "The request has no body: send {\"id\": ..., \"files\": {...}}.")
            ImportRequest body) {
        return respond(assignments.importFiles(courseId, body));
    }

    @POST
    @Path("/import/{id}")
    @Operation(summary = "Publish an assignment from the server's assignments folder", description = "For"
            + " instructors: publishes assignments/{id}/ as found on the server." + IMPORT_RULES)
    @APIResponse(responseCode = "201", description = "Published")
    @APIResponse(responseCode = "200", description = "Updated the assignment published from this id before")
    @APIResponse(responseCode = "404", description = "No such folder on the server")
    @APIResponse(responseCode = "422", description = "assignment.yaml is invalid; every error with its YAML path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = SpecProblem.class)))
    public Response importFromFolder(@PathParam("courseId") long courseId, @PathParam("id") String id) {
        return respond(assignments.importFromFolder(courseId, id));
    }

    private static Response respond(AssignmentService.Imported imported) {
        return Response.status(imported.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(imported.assignment()).build();
    }
}
