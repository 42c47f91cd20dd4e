package org.backprop.server.pretrained;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A course's pretrained models: publishing them (staff), listing and downloading them (members). */
@Path("/api/courses/{courseId}/pretrained")
@Authenticated
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Pretrained models")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not a member of the course, or not staff (publish)")
public class CoursePretrainedResource {
    /** A model's bytes never change: browsers keep them without asking again, for members only. */
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    @Inject
    PretrainedService models;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Publish a pretrained model", description = "For instructors and TAs. Parts: \"file\" (a"
            + " Backprop saved model, .bpm), \"name\" and \"version\". The server rebuilds the model to check it;"
            + " programs then load it with Pretrained.load(\"name\").")
    @APIResponse(responseCode = "201", description = "Published")
    @APIResponse(responseCode = "400", description = "A missing or malformed field, or a kind of file not accepted")
    @APIResponse(responseCode = "409", description = "The course already has this name and version")
    @APIResponse(responseCode = "413", description = "The file is over the limit")
    @APIResponse(responseCode = "422", description = "The file is not a saved model the library can rebuild")
    public Response publish(@PathParam("courseId") long courseId, @BeanParam PretrainedUploadForm form) {
        if (form.file == null) {
            throw ApiError.badRequest("The upload has no \"file\" part: send the model file as \"file\".");
        }
        return Response.status(Response.Status.CREATED).entity(models.publish(courseId, form.name, form.version,
                form.file.uploadedFile(), form.file.fileName())).build();
    }

    @GET
    @Operation(summary = "List the pretrained models", description = "For members: name, version, SHA-256, size,"
            + " parameter count, input shape, layer summary, who published it and when.")
    public List<PretrainedView> list(@PathParam("courseId") long courseId) {
        return models.list(courseId);
    }

    @GET
    @Path("/{name}/{version}/model")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, Problem.MEDIA_TYPE})
    @Operation(summary = "Download a pretrained model", description = "For members: the saved-model bytes. ETag is"
            + " the quoted SHA-256.")
    @APIResponse(responseCode = "200", description = "The saved model's bytes")
    @APIResponse(responseCode = "404", description = "No such model")
    public Response download(@PathParam("courseId") long courseId, @PathParam("name") String name,
            @PathParam("version") String version) {
        PretrainedService.Download model = models.download(courseId, name, version);
        return Response.ok(model.file().toFile(), MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.ETAG, "\"" + model.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
