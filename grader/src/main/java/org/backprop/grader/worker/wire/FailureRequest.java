package org.backprop.grader.worker.wire;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a worker could not grade a job. */
public record FailureRequest(
        @NotBlank(message = "is required") @Size(max = 2_000, message = "may have at most 2000 characters")
        @Schema(description = "For the student, e.g. \"The grading machine ran out of GPU memory.\"") String message,
        @Size(max = 262_144, message = "may have at most 262144 characters")
        @Schema(description = "For staff") String logs,
        @Schema(description = "Whether another attempt may succeed (default true); false fails the job at once")
        Boolean retry) {
}
