package org.backprop.server.assignment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An extension for a team or for one student (exactly one of teamId and accountId). */
@Schema(example = "{\"teamId\": 12, \"hours\": 48, \"reason\": \"Hospital stay of a member, note seen\"}")
public record ExtensionRequest(
        @Schema(description = "The team that gets it") Long teamId,
        @Schema(description = "The student who gets it") Long accountId,
        @NotNull(message = "is required (0 withdraws an extension)") @Min(value = 0, message = "must be 0 to 2000")
        @Max(value = 2000, message = "must be 0 to 2000")
        @Schema(description = "How much later the whole timeline is for them; 0 withdraws an extension")
        Integer hours,
        @NotBlank(message = "is required: say why, for the record")
        @Size(max = 1000, message = "may have at most 1000 characters") String reason) {
}
