package org.backprop.server.grading;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A worker token to create. */
public record NewWorkerToken(
        @NotBlank(message = "is required") @Size(max = 100, message = "may have at most 100 characters")
        @Schema(description = "Which worker it is for, e.g. \"gpu-node-1\"") String name,
        @Schema(description = "The course whose jobs it may lease (its instructors create it); omit for every"
                + " course (administrators only)") Long courseId) {
}
