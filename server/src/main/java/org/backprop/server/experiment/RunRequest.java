package org.backprop.server.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run for the team's experiment log, as the browser sends it when a fit ends. Nothing in it says who ran the
 * run or when: the server takes those from the session and its clock, and ignores such fields if sent.
 */
public record RunRequest(
        @Schema(description = "SHA-256 (64 lowercase hex digits) of the source snapshot that produced the run, or"
                + " null when unknown", nullable = true) String sourceSha256,
        @Schema(type = SchemaType.OBJECT, description = "The run record, as nn's RunRecordJson writes it"
                + " (\"format\": \"backprop-run-record\", \"version\": 1, ...)") JsonNode record) {
}
