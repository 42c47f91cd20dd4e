package org.backprop.server.submission;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Handing in an assignment, and the list of what was handed in. */
@Path("/api/assignments/{assignmentId}/submissions")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Submissions")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a student of the course (submit), or another team's list")
@APIResponse(responseCode = "404", description = "No such assignment")
public class AssignmentSubmissionsResource {
    @Inject
    SubmissionService submissions;

    @Inject
    SubmissionReader reader;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit my team's work", description = "For students in a team of the assignment's team"
            + " set. Parts, each sent as a file with a filename: \"source\" (repeated; the filename is the path,"
            + " e.g. model/Net.java), \"report\" (my report, Markdown, required), \"weights\" (binary, optional);"
            + " and plain fields \"run\" (repeated, optional), each the id of a run in my team's experiment log for"
            + " this assignment that the submission hands in. The snapshot is stored immutably as the team's next"
            + " version, its content hash covering files and runs; the server's clock decides the credit. Answers"
            + " with the acknowledgement.")
    @APIResponse(responseCode = "201", description = "Accepted: version, content hash, received-at, credit")
    @APIResponse(responseCode = "400", description = "A missing or malformed part: bad path, not UTF-8; a run named"
            + " twice or not in my team's experiment log")
    @APIResponse(responseCode = "409", description = "The deadline closed, or I am not in a team")
    @APIResponse(responseCode = "413", description = "A part over its size limit, or too many runs; the detail names"
            + " part and limit")
    public Response submit(@PathParam("assignmentId") long assignmentId, @BeanParam SubmissionForm form) {
        return Response.status(Response.Status.CREATED).entity(submissions.submit(assignmentId, form)).build();
    }

    @GET
    @Operation(summary = "List submissions", description = "Newest first. Staff see every team's; students their"
            + " own team's.")
    public Page<SubmissionView> list(@PathParam("assignmentId") long assignmentId,
            @QueryParam("teamId") @Parameter(description = "Only this team's submissions") Long teamId,
            @Valid @BeanParam PageParams paging) {
        return reader.list(assignmentId, teamId, paging);
    }
}
