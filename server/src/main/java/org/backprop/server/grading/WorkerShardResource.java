package org.backprop.server.grading;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backprop.server.api.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dataset shards for grading workers, hidden splits included: a worker token gets exactly the shards of the jobs it
 * holds a live lease on. Students and staff use {@code /api/datasets/shards}, which never serves a hidden split to a
 * student.
 */
@Path("/api/worker/shards/{sha256}")
@Authenticated
@Tag(name = "Grading workers")
@APIResponse(responseCode = "401", description = "No worker token, or one unknown or revoked")
@APIResponse(responseCode = "403", description = "Not a worker token")
public class WorkerShardResource {
    @Inject
    CurrentWorker worker;

    @Inject
    WorkerShards shards;

    @GET
    @Produces({MediaType.APPLICATION_OCTET_STREAM, Problem.MEDIA_TYPE})
    @Operation(summary = "Download a shard of a leased job", description = "The Backprop shard format; the worker"
            + " checks the bytes against the SHA-256 and keeps them by it.")
    @APIResponse(responseCode = "200", description = "The shard's bytes")
    @APIResponse(responseCode = "400", description = "Not a SHA-256")
    @APIResponse(responseCode = "404", description = "No job this token holds a lease on reads the shard")
    public Response get(@PathParam("sha256") String sha256) {
        return Response.ok(shards.shard(worker.require().tokenId(), sha256).toFile(),
                MediaType.APPLICATION_OCTET_STREAM).build();
    }
}
