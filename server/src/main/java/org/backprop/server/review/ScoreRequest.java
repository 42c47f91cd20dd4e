package org.backprop.server.review;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A score staff give one rubric item of a submission. */
public record ScoreRequest(
        @NotNull(message = "is required") @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 6, fraction = 2, message = "may have at most 2 decimals")
        @Schema(description = "From 0 to the item's points") BigDecimal points,
        @Size(max = 10_000, message = "may have at most 10000 characters")
        @Schema(description = "Why; required when the item already has points (an override)") String comment) {
}
