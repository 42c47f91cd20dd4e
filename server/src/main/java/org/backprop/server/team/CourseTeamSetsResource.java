package org.backprop.server.team;

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
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The team sets of one course. */
@Path("/api/courses/{courseId}/team-sets")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Teams")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a member, or without the role this needs")
public class CourseTeamSetsResource {
    @Inject
    TeamSetService teamSets;

    @GET
    @Operation(summary = "List the course's team sets")
    public Page<TeamSetView> list(@PathParam("courseId") long courseId, @Valid @BeanParam PageParams paging) {
        return teamSets.list(courseId, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a team set", description = "For instructors: sizes and when self-selection closes.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Missing or inconsistent settings")
    public Response create(@PathParam("courseId") long courseId,
            @Valid @NotNull(message = "The request has no body: send a JSON object.") TeamSetRequest body) {
        return Response.status(Response.Status.CREATED).entity(teamSets.create(courseId, body)).build();
    }
}
