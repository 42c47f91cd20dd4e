package org.backprop.server.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rubric item; its check's parameters are shown to staff only, as they may hold thresholds. */
public record RubricItemView(
        @Schema(description = "Stable id from the spec, e.g. ablation") String id,
        BigDecimal points,
        String description,
        @Schema(description = "The check from the catalogue, e.g. augmentation-active") String check,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The check's parameters; staff only") JsonNode params) {
}
