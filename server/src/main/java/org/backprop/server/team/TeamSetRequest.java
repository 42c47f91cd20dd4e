package org.backprop.server.team;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The settings of a team set. */
public record TeamSetRequest(
        @Schema(example = "Homework teams")
        @NotBlank(message = "is required") @Size(max = 100, message = "may have at most 100 characters") String name,
        @Schema(example = "3") @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
        Integer minSize,
        @Schema(example = "4") @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
        Integer maxSize,
        @Schema(description = "When students can no longer create, join or leave teams (UTC instant)",
                example = "2026-09-14T14:59:59Z")
        @NotNull(message = "is required") Instant selectionClosesAt) {
}
