package org.backprop.server.review;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A TA's answer to a regrade request. */
public record RegradeAnswer(
        @NotNull(message = "is required (ACCEPT or DECLINE)") Decision decision,
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 6, fraction = 2, message = "may have at most 2 decimals")
        @Schema(description = "The item's new points; required to accept") BigDecimal points,
        @NotBlank(message = "is required") @Size(max = 10_000, message = "may have at most 10000 characters")
        @Schema(description = "For the team: why") String comment,
        @Schema(description = "Also queue a new grading run of the submission") boolean rerun) {

    /** Accepting gives the item new points; declining keeps them. */
    public enum Decision { ACCEPT, DECLINE }
}
