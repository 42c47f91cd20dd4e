package org.backprop.server.account;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Password setup links for members a roster import created without a password. */
@Path("/api/courses/{courseId}")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Courses")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not an instructor of the course")
@APIResponse(responseCode = "404", description = "No such course")
public class PasswordLinkResource {
    private static final String NO_MAIL = " This server sends no email: pass each link on to its person yourself"
            + " (e.g. in a message through the university's LMS). A link works once, until it expires, and a new"
            + " link for the same person replaces the old one.";

    @Inject
    PasswordLinkService links;

    @POST
    @Path("/members/{accountId}/password-link")
    @Operation(summary = "Create a password setup link for one member", description = "For instructors." + NO_MAIL)
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The member has a password already")
    public Response issue(@PathParam("courseId") long courseId, @PathParam("accountId") long accountId) {
        return Response.status(Response.Status.CREATED).entity(links.issue(courseId, accountId)).build();
    }

    @POST
    @Path("/password-links")
    @Operation(summary = "Create password setup links for the roster", description = "For instructors: one link"
            + " for every member who has no password yet; members with a password are counted, not changed."
            + NO_MAIL)
    @APIResponse(responseCode = "200", description = "Created")
    public PasswordLinks issueForRoster(@PathParam("courseId") long courseId) {
        return links.issueForRoster(courseId);
    }
}
