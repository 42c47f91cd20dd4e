package org.backprop.server.workspace;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report draft's new Markdown, saved over the revision the editor opened. */
public record DraftRequest(
        @NotNull(message = "is required: send the report's Markdown") String markdown,
        @Schema(description = "The revision the editor opened; 0 before the first save")
        @NotNull(message = "is required: send the revision you opened, or 0 before the first save")
        @PositiveOrZero(message = "must be 0 or more") Integer baseRevision) {
}
