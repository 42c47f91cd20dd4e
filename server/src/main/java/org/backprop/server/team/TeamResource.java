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

/** The teams of a set, and what students do while selection is open. */
@Path("/api/team-sets/{setId}/teams")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Teams")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a student of the course")
public class TeamResource {
    private static final String NO_BODY = "The request has no body: send a JSON object.";

    @Inject
    TeamService teams;

    @GET
    @Operation(summary = "List the teams", description = "With their members' names; join codes only of my own team"
            + " (all of them for staff).")
    public Page<TeamView> list(@PathParam("setId") long setId, @Valid @BeanParam PageParams paging) {
        return teams.list(setId, paging);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a team", description = "For students without a team, while selection is open; the"
            + " creator is its first member.")
    @APIResponse(responseCode = "201", description = "Created, with the code teammates join with")
    @APIResponse(responseCode = "409", description = "Selection closed, already in a team, or the name is taken")
    public Response create(@PathParam("setId") long setId, @Valid @NotNull(message = NO_BODY) TeamRequest body) {
        return Response.status(Response.Status.CREATED).entity(teams.create(setId, body.name())).build();
    }

    @POST
    @Path("/{teamId}/join")
    @Operation(summary = "Join a team from the list")
    @APIResponse(responseCode = "409", description = "Selection closed, already in a team, or the team is full")
    public TeamView join(@PathParam("setId") long setId, @PathParam("teamId") long teamId) {
        return teams.join(setId, teamId);
    }

    @POST
    @Path("/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join a team with its code")
    @APIResponse(responseCode = "409", description = "Selection closed, already in a team, or the team is full")
    public TeamView joinWithCode(@PathParam("setId") long setId,
            @Valid @NotNull(message = NO_BODY) TeamCodeRequest body) {
        return teams.joinWithCode(setId, body.code());
    }

    @GET
    @Path("/mine")
    @Operation(summary = "Get my team", description = "With its join code, to pass on to teammates.")
    @APIResponse(responseCode = "404", description = "Not in a team yet")
    public TeamView mine(@PathParam("setId") long setId) {
        return teams.mine(setId);
    }

    @POST
    @Path("/leave")
    @Operation(summary = "Leave my team", description = "While selection is open. A team left empty is removed.")
    @APIResponse(responseCode = "204", description = "Left")
    public void leave(@PathParam("setId") long setId) {
        teams.leave(setId);
    }
}
