package org.backprop.server.pretrained;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Pretrained models' saved-model bytes by their SHA-256, as dataset shards are served: the URL names the bytes, so
 * the browser's worker keeps them under it and a second run downloads nothing.
 */
@Path("/api/pretrained/{sha256}")
@Authenticated
@Tag(name = "Pretrained models")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not in a course that published the model")
@APIResponse(responseCode = "404", description = "No such model")
public class PretrainedObjectResource {
    @Inject
    PretrainedService models;

    @GET
    @Produces({MediaType.APPLICATION_OCTET_STREAM, Problem.MEDIA_TYPE})
    @Operation(summary = "Download a pretrained model by its SHA-256", description = "The saved-model bytes; ETag is"
            + " the quoted SHA-256.")
    @APIResponse(responseCode = "200", description = "The saved model's bytes")
    public Response get(@PathParam("sha256") String sha256) {
        return Response.ok(models.object(sha256).toFile(), MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
                .header(HttpHeaders.CACHE_CONTROL, CoursePretrainedResource.CACHE_CONTROL)
                .build();
    }
}
