package org.backprop.server.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run of a team's experiment log: what lists show (with the model saved after it, if any), and with one run the
 * whole record (for charts).
 */
public record RunView(
        long id,
        long teamId,
        long assignmentId,
        String name,
        List<String> tags,
        long seed,
        @Schema(description = "Who ran it: the account that sent it") RunMember member,
        @Schema(description = "When the server received it, UTC") Instant recordedAt,
        @Schema(description = "SHA-256 of the sources that produced it, as the browser said; null when unknown",
                nullable = true) String sourceSha256,
        @Schema(description = "The backend it trained on, e.g. webgpu or cpu") String backend,
        @Schema(description = "The device it trained on, as the backend names it") String device,
        @Schema(description = "The dataset it trained on") String dataset,
        @Schema(description = "Metrics after the last epoch; null where a value was NaN or infinite")
        Map<String, Double> finalMetrics,
        @Schema(description = "SHA-256 of the stored record's UTF-8 bytes: a submission naming this run hashes it"
                + " as the line runs/<id>.json<TAB><size><TAB><recordSha256>") String recordSha256,
        @Schema(description = "The stored record's size in bytes") int size,
        @Schema(description = "The model the program saved after this run's fit, or null when it saved none",
                nullable = true) RunModelView model,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(type = SchemaType.OBJECT, description = "The whole run record; only when one run is asked for",
                nullable = true) JsonNode record) {
}
