package org.backprop.grader.worker.wire;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.backprop.grader.check.CheckOutcome;
import org.backprop.grader.result.Visibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rubric item as a worker graded it. */
public record ResultItemRequest(
        @NotBlank(message = "is required") @Schema(description = "The rubric item's key, as the lease gave it") String key,
        @NotNull(message = "is required") CheckOutcome.Verdict verdict,
        @Schema(description = "From 0 to the item's points; null exactly when the verdict is NEEDS_REVIEW")
        BigDecimal points,
        @NotBlank(message = "is required") @Size(max = 10_000, message = "may have at most 10000 characters")
        @Schema(description = "For the student") String message,
        @NotNull(message = "is required") Visibility visibility) {
}
