package org.backprop.server.course;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A course to create. */
public record CourseRequest(
        @Schema(example = "DL-2026-FALL")
        @NotBlank(message = "is required") @Size(max = 40, message = "may have at most 40 characters") String code,
        @Schema(example = "Deep Learning")
        @NotBlank(message = "is required") @Size(max = 200, message = "may have at most 200 characters") String title,
        @Schema(description = "IANA time zone in which deadlines are shown", example = "Asia/Seoul")
        @NotBlank(message = "is required") String timeZone) {
}
