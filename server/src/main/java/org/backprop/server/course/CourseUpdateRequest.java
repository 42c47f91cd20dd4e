package org.backprop.server.course;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A course's new title and time zone; its code and join code stay. */
public record CourseUpdateRequest(
        @Schema(example = "Deep Learning")
        @NotBlank(message = "is required") @Size(max = 200, message = "may have at most 200 characters") String title,
        @Schema(description = "IANA time zone in which deadlines are shown", example = "Asia/Seoul")
        @NotBlank(message = "is required") String timeZone) {
}
