package org.backprop.server.assignment;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One assignment: its spec, starter files, deadline and extensions. */
@Path("/api/assignments/{assignmentId}")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Assignments")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Signed in, but without the role this needs")
@APIResponse(responseCode = "404", description = "No such assignment")
public class AssignmentResource {
    private static final String NO_BODY = "The request has no body: send a JSON object.";

    @Inject
    AssignmentService assignments;

    @Inject
    ExtensionService extensions;

    @GET
    @Operation(summary = "Get an assignment", description = "Deadlines in UTC and in the course's time zone; check"
            + " parameters only for staff.")
    public AssignmentView get(@PathParam("assignmentId") long assignmentId) {
        return assignments.get(assignmentId);
    }

    @GET
    @Path("/starter")
    @Operation(summary = "Get the starter files", description = "Their text by relative path.")
    public Map<String, String> starter(@PathParam("assignmentId") long assignmentId) {
        return assignments.starter(assignmentId);
    }

    @GET
    @Path("/my-deadline")
    @Operation(summary = "Get my deadline", description = "The timeline with my team's or my own extension, the"
            + " larger of the two, included.")
    public DeadlineView myDeadline(@PathParam("assignmentId") long assignmentId) {
        return assignments.myDeadline(assignmentId);
    }

    @PUT
    @Path("/deadline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the deadline and late credit", description = "For instructors. Submissions already"
            + " accepted keep the credit they were given.")
    @APIResponse(responseCode = "400", description = "A missing field or a timeline that does not increase")
    public AssignmentView editDeadline(@PathParam("assignmentId") long assignmentId,
            @Valid @NotNull(message = NO_BODY) DeadlineRequest body) {
        return assignments.editDeadline(assignmentId, body);
    }

    @POST
    @Path("/extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant an extension", description = "For the course's instructors and TAs: shifts the whole"
            + " timeline of a team or one student by some hours. The newest grant for them is in force; 0 hours"
            + " withdraws. Kept with who granted it, when and why.")
    @APIResponse(responseCode = "201", description = "Granted")
    @APIResponse(responseCode = "400", description = "Not exactly one of teamId and accountId, or not in this"
            + " assignment's course or team set")
    public Response grantExtension(@PathParam("assignmentId") long assignmentId,
            @Valid @NotNull(message = NO_BODY) ExtensionRequest body) {
        return Response.status(Response.Status.CREATED).entity(extensions.grant(assignmentId, body)).build();
    }

    @GET
    @Path("/extensions")
    @Operation(summary = "List extensions", description = "For the course's instructors and TAs: every grant, newest"
            + " first.")
    public Page<ExtensionView> extensions(@PathParam("assignmentId") long assignmentId,
            @Valid @BeanParam PageParams paging) {
        return extensions.list(assignmentId, paging);
    }
}
