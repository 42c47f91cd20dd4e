package org.backprop.server.course;

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
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Courses, their members, and enrolment by roster or join code. */
@Path("/api/courses")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Courses")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Signed in, but without the role this needs")
public class CourseResource {
    private static final String NO_BODY = "The request has no body: send a JSON object.";

    @Inject
    CourseService courses;

    @Inject
    EnrolmentService enrolment;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a course", description = "For administrators and instructors; the creator becomes"
            + " its instructor.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Missing field or unknown time zone")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@Valid @NotNull(message = NO_BODY) CourseRequest body) {
        return Response.status(Response.Status.CREATED).entity(courses.create(body)).build();
    }

    @GET
    @Operation(summary = "List my courses", description = "The courses I take part in, with my role in each.")
    public Page<CourseView> mine(@Valid @BeanParam PageParams paging) {
        return courses.mine(paging);
    }

    @GET
    @Path("/{courseId}")
    @Operation(summary = "Get a course I take part in")
    @APIResponse(responseCode = "404", description = "No such course")
    public CourseView get(@PathParam("courseId") long courseId) {
        return courses.get(courseId);
    }

    @PUT
    @Path("/{courseId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a course", description = "For instructors: its title and time zone. Deadlines keep"
            + " their instants and read in the new zone.")
    @APIResponse(responseCode = "400", description = "Missing field or unknown time zone")
    @APIResponse(responseCode = "404", description = "No such course")
    public CourseView update(@PathParam("courseId") long courseId,
            @Valid @NotNull(message = NO_BODY) CourseUpdateRequest body) {
        return courses.update(courseId, body);
    }

    @GET
    @Path("/{courseId}/members")
    @Operation(summary = "List the members", description = "For the course's instructors and TAs.")
    public Page<MemberView> members(@PathParam("courseId") long courseId, @Valid @BeanParam PageParams paging) {
        return courses.members(courseId, paging);
    }

    @POST
    @Path("/{courseId}/roster")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RequestBody(description = "CSV with the header email,name,role (role: STUDENT, TA or INSTRUCTOR; empty means"
            + " STUDENT), one person per line")
    @Operation(summary = "Import a roster", description = "For instructors. Creates missing accounts and enrols"
            + " every good line; each bad line is reported with its number and what is wrong with it.")
    @APIResponse(responseCode = "200", description = "Imported; see errors for lines that were not")
    @APIResponse(responseCode = "400", description = "Empty roster or unusable header")
    public RosterReport importRoster(@PathParam("courseId") long courseId, String csv) {
        return enrolment.importRoster(courseId, csv);
    }

    @GET
    @Path("/{courseId}/join-code")
    @Operation(summary = "Get the join code", description = "For the course's instructors and TAs.")
    public JoinCodeView joinCode(@PathParam("courseId") long courseId) {
        return enrolment.joinCode(courseId);
    }

    @POST
    @Path("/{courseId}/join-code")
    @Operation(summary = "Rotate the join code", description = "For instructors. The old code stops working.")
    public JoinCodeView rotateJoinCode(@PathParam("courseId") long courseId) {
        return enrolment.rotateJoinCode(courseId);
    }

    @POST
    @Path("/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join a course with its code", description = "Enrols me as a student.")
    @APIResponse(responseCode = "404", description = "No course has this code")
    public CourseView join(@Valid @NotNull(message = NO_BODY) JoinRequest body) {
        return enrolment.join(body.code());
    }
}
