package org.backprop.server.submission;

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

/** One submission and its files, for its team and the course's staff. */
@Path("/api/submissions/{submissionId}")
@Authenticated
@Tag(name = "Submissions")
@APIResponse(responseCode = "401", description = "Not signed in")
@APIResponse(responseCode = "403", description = "Another team's submission, or not in the course")
@APIResponse(responseCode = "404", description = "No such submission or file")
public class SubmissionResource {
    @Inject
    SubmissionReader reader;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Get a submission", description = "With its files, their sizes and SHA-256.")
    public SubmissionView get(@PathParam("submissionId") long submissionId) {
        return reader.get(submissionId);
    }

    @GET
    @Path("/files/{path: .+}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON,
        "text/markdown", Problem.MEDIA_TYPE})
    @Operation(summary = "Download a file of a submission", description = "The path as listed in the submission,"
            + " e.g. src/Main.java, report.md or weights.bin. The ETag is the file's SHA-256.")
    public Response file(@PathParam("submissionId") long submissionId, @PathParam("path") String path) {
        SubmissionReader.Download download = reader.file(submissionId, path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Response.ok(download.blob().toFile(), mediaType(download.kind()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.ETAG, "\"" + download.sha256() + "\"")
                .build();
    }

    private static String mediaType(FileKind kind) {
        return switch (kind) {
            case SOURCE -> "text/plain; charset=UTF-8";
            case REPORT -> "text/markdown; charset=UTF-8";
            case WEIGHTS -> MediaType.APPLICATION_OCTET_STREAM;
        };
    }
}
