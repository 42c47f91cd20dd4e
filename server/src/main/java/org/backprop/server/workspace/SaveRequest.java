package org.backprop.server.workspace;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file's new text, saved over the revision the editor opened. */
public record SaveRequest(
        @NotNull(message = "is required: send the file's text") String content,
        @Schema(description = "The revision the editor opened; 0 for a new file")
        @NotNull(message = "is required: send the revision you opened, or 0 for a new file")
        @PositiveOrZero(message = "must be 0 or more") Integer baseRevision) {
}
