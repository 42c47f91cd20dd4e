package org.backprop.server.pretrained;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pretrained model of a course as members see it: what programs load it by, and what it is. */
public record PretrainedView(
        @Schema(description = "What programs load it by: Pretrained.load(\"name\") or \"name:version\"") String name,
        String version,
        @Schema(description = "SHA-256 of the saved-model bytes, which never change") String sha256,
        @Schema(description = "Size of the saved-model bytes") long bytes,
        long parameterCount,
        @Schema(description = "The shape of one input example, e.g. [224, 224, 3]") List<Integer> inputShape,
        @Schema(description = "The layer table, as model.summary() prints it") String summary,
        @Schema(description = "Display name of the staff member who published it") String createdBy,
        Instant createdAt) {

    static PretrainedView of(PretrainedModel model, String createdBy) {
        return new PretrainedView(model.name, model.version, model.sha256, model.bytes, model.parameterCount,
                Arrays.stream(model.inputShape.split(",")).map(Integer::valueOf).toList(), model.summary, createdBy,
                model.createdAt);
    }
}
