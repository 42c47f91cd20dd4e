package org.backprop.server.api;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses request bodies over the configured size before they are read, with a 413 problem that says
 * how large the request was and what the limit is. Multipart uploads (submissions) have a larger limit of
 * their own; their parts are spooled to disk, not memory, and each part is checked against its own limit.
 * Dataset imports, archives of whole datasets, have the largest; pretrained models a limit of their own. Of other
 * bodies, two may be larger than the rest: runs sent to an experiment log (JSON up to the run-record limit, plus room
 * for the rest of the body) and the model saved after a run (bytes up to a submission's weights limit, streamed to
 * disk).
 */
public class RequestSizeFilter {
    private final long maxRequestBytes;
    private static final Pattern DATASET_IMPORT = Pattern.compile("/api/courses/[^/]+/datasets/?");
    private static final Pattern PRETRAINED_UPLOAD = Pattern.compile("/api/courses/[^/]+/pretrained/?");
    private static final Pattern EXPERIMENT_LOG = Pattern.compile("/api/assignments/[^/]+/runs/?");
    private static final Pattern RUN_MODEL = Pattern.compile("/api/assignments/[^/]+/runs/[^/]+/model/?");
    /** Room in a run's body for what surrounds the record: the source hash, the field names. */
    private static final long RUN_ENVELOPE_BYTES = 64 * 1024;

    private final long maxUploadBytes;
    private final long maxDatasetUploadBytes;
    private final long maxPretrainedUploadBytes;
    private final long maxRunRequestBytes;
    private final long maxRunModelBytes;

    RequestSizeFilter(@ConfigProperty(name = "backprop.http.max-request-bytes") long maxRequestBytes,
            @ConfigProperty(name = "backprop.http.max-upload-bytes") MemorySize maxUploadBytes,
            @ConfigProperty(name = "backprop.datasets.max-upload-size") MemorySize maxDatasetUploadBytes,
            @ConfigProperty(name = "backprop.pretrained.max-upload-size") MemorySize maxPretrainedUploadBytes,
            @ConfigProperty(name = "backprop.experiments.max-record-size") MemorySize maxRunRecordBytes,
            @ConfigProperty(name = "backprop.submissions.max-weights-size") MemorySize maxWeightsBytes) {
        this.maxRequestBytes = maxRequestBytes;
        this.maxUploadBytes = maxUploadBytes.asLongValue();
        this.maxDatasetUploadBytes = maxDatasetUploadBytes.asLongValue();
        // Room for the name and version parts around the file.
        this.maxPretrainedUploadBytes = maxPretrainedUploadBytes.asLongValue() + 64 * 1024;
        this.maxRunRequestBytes = Math.max(maxRequestBytes, maxRunRecordBytes.asLongValue() + RUN_ENVELOPE_BYTES);
        this.maxRunModelBytes = Math.max(maxRequestBytes, maxWeightsBytes.asLongValue());
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversizedBodies(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        MediaType type = request.getMediaType();
        boolean multipart = type != null && MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type);
        if (header == null) {
            // A body of unknown length could only be stopped at the backstop, sized for dataset archives. Multipart
            // parts are spooled to disk and each is checked against its own limit; any other body would be read
            // into memory first.
            boolean streamedBody = request.getHeaderString("Transfer-Encoding") != null;
            return streamedBody && !multipart ? Optional.of(Problem.response(Response.Status.LENGTH_REQUIRED,
                    "Send the request with a Content-Length header; only file uploads may be sent without one."))
                    : Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Optional.of(Problem.response(Response.Status.BAD_REQUEST,
                    "The Content-Length header \"" + header + "\" is not a number."));
        }
        String path = request.getUriInfo().getPath();
        long limit = multipart ? limitOfUpload(path) : limitOfBody(path);
        if (length <= limit) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request is " + kib(length) + " KiB; this server accepts at most " + kib(limit) + " KiB."));
    }

    /** The limit of a multipart body sent to {@code path}. */
    private long limitOfUpload(String path) {
        if (DATASET_IMPORT.matcher(path).matches()) {
            return maxDatasetUploadBytes;
        }
        return PRETRAINED_UPLOAD.matcher(path).matches() ? maxPretrainedUploadBytes : maxUploadBytes;
    }

    /** The limit of a body that is not multipart, sent to {@code path}. */
    private long limitOfBody(String path) {
        if (EXPERIMENT_LOG.matcher(path).matches()) {
            return maxRunRequestBytes;
        }
        return RUN_MODEL.matcher(path).matches() ? maxRunModelBytes : maxRequestBytes;
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
