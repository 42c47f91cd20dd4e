package org.backprop.server.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A student's request to look again at one item. */
public record RegradeAsk(
        @NotBlank(message = "is required") @Schema(description = "The rubric item's key") String itemKey,
        @NotBlank(message = "is required") @Size(max = 5_000, message = "may have at most 5000 characters")
        @Schema(description = "Why the item deserves another look") String reason) {
}
