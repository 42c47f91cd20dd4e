package org.backprop.server.dataset;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Shards by their SHA-256. A shard never changes, so its hash is a strong ETag and browsers may keep it for a
 * year without asking again; private, because it is served only to members of a course that has it.
 */
@Path("/api/datasets/shards/{sha256}")
@Authenticated
@Tag(name = "Datasets")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Not in a course that has the shard, or a student asking for a"
        + " shard of a hidden split")
@APIResponse(responseCode = "404", description = "No such shard")
public class DatasetShardResource {
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    @Inject
    DatasetService datasets;

    @GET
    @Produces({MediaType.APPLICATION_OCTET_STREAM, Problem.MEDIA_TYPE})
    @Operation(summary = "Download a shard", description = "The Backprop shard format (see the manifest). ETag is"
            + " the quoted SHA-256; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The shard's bytes")
    @APIResponse(responseCode = "304", description = "The client's copy is this shard")
    public Response get(@PathParam("sha256") String sha256, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        java.nio.file.Path file = datasets.shard(sha256);
        String etag = "\"" + sha256 + "\"";
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"))) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return Response.ok(file.toFile(), MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
