package org.backprop.server.workspace;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A file of a team's workspace at one revision. A deleted file (a tombstone) has no content and {@code deleted}
 * true; a file as seeded from the starter files has no author and no time.
 */
public record FileView(
        @Schema(description = "Relative path, e.g. model/ConvNet.java") String path,
        @Schema(description = "The text; null when deleted", nullable = true) String content,
        @Schema(description = "1 for a new or seeded file, one more for each save, rename or deletion") int revision,
        boolean deleted,
        @Schema(description = "Who saved this revision; null for the starter's", nullable = true) Author updatedBy,
        @Schema(description = "When, by the server's clock; null for the starter's", nullable = true)
        Instant updatedAt) {
}
