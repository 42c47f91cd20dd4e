package org.backprop.server.team;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One team set: its settings, and the instructor's placements once selection has closed. */
@Path("/api/team-sets/{setId}")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Teams")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a member, or without the role this needs")
@APIResponse(responseCode = "404", description = "No such team set")
public class TeamSetResource {
    private static final String NO_BODY = "The request has no body: send a JSON object.";

    @Inject
    TeamSetService teamSets;

    @Inject
    TeamPlacementService placements;

    @Inject
    TeamBalanceService balance;

    @Inject
    TeamAuditService audit;

    @GET
    @Operation(summary = "Get a team set")
    public TeamSetView get(@PathParam("setId") long setId) {
        return teamSets.get(setId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a team set", description = "For instructors. A closing time in the past closes"
            + " selection at once; a later one reopens it.")
    public TeamSetView update(@PathParam("setId") long setId, @Valid @NotNull(message = NO_BODY) TeamSetRequest body) {
        return teamSets.update(setId, body);
    }

    @GET
    @Path("/unassigned")
    @Operation(summary = "List the students without a team", description = "For the course's instructors and TAs.")
    public Page<TeammateView> unassigned(@PathParam("setId") long setId, @Valid @BeanParam PageParams paging) {
        return placements.unassigned(setId, paging);
    }

    @PUT
    @Path("/placements/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a student", description = "For instructors, after selection has closed. A null"
            + " teamId takes the student out of their team; a team left empty is removed.")
    @APIResponse(responseCode = "409", description = "Selection still open, or the team is full")
    public PlacementView place(@PathParam("setId") long setId, @PathParam("accountId") long accountId,
            @Valid @NotNull(message = NO_BODY) PlacementRequest body) {
        return placements.place(setId, accountId, body.teamId());
    }

    @POST
    @Path("/fill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fill teams at random", description = "For instructors, after selection has closed. Places"
            + " every student without a team; the same seed on the same teams gives the same result.")
    @APIResponse(responseCode = "409", description = "Selection still open")
    public FillReport fill(@PathParam("setId") long setId, @Valid @NotNull(message = NO_BODY) FillRequest body) {
        return placements.fill(setId, body.seed());
    }

    @GET
    @Path("/balance")
    @Operation(summary = "Preview a balance", description = "For instructors, also while selection is open: the"
            + " moves that POST with the same seed would make now, changing nothing. Moves go from teams above the"
            + " maximum and teams that can spare a member to teams below the minimum; no team is taken below the"
            + " minimum to mend another, and a team that cannot reach it is split up among the others if they have"
            + " the seats.")
    @APIResponse(responseCode = "400", description = "The seed is missing")
    public BalanceReport previewBalance(@PathParam("setId") long setId,
            @QueryParam("seed") @NotNull(message = "is required") @Parameter(description = "Decides which member of a"
                    + " team moves") Long seed) {
        return balance.preview(setId, seed);
    }

    @POST
    @Path("/balance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Balance the teams", description = "For instructors, after selection has closed. Makes the"
            + " moves the preview with the same seed shows (if nobody changed the teams since) and records each in"
            + " the audit trail.")
    @APIResponse(responseCode = "409", description = "Selection still open")
    public BalanceReport applyBalance(@PathParam("setId") long setId,
            @Valid @NotNull(message = NO_BODY) BalanceRequest body) {
        return balance.apply(setId, body.seed());
    }

    @GET
    @Path("/audit")
    @Operation(summary = "List the placements made after selection", description = "For the course's instructors"
            + " and TAs, newest first: moves by hand, random fills and balances, with who made them.")
    public Page<TeamAuditView> audit(@PathParam("setId") long setId, @Valid @BeanParam PageParams paging) {
        return audit.list(setId, paging);
    }
}
