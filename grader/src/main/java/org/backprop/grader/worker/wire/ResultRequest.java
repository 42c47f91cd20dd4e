package org.backprop.grader.worker.wire;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a worker found: a summary for the student, one item per rubric item, and logs for staff. */
public record ResultRequest(
        @NotBlank(message = "is required") @Size(max = 10_000, message = "may have at most 10000 characters")
        @Schema(description = "For the student: what compiled, what ran, what the checks found") String summary,
        @NotNull(message = "is required") @Size(max = 200, message = "may have at most 200 items")
        @Schema(description = "Exactly one per rubric item of the assignment") List<@Valid @NotNull(
                message = "must not contain null") ResultItemRequest> items,
        @Size(max = 262_144, message = "may have at most 262144 characters")
        @Schema(description = "For staff: compiler messages, program output, stack traces") String logs) {
}
