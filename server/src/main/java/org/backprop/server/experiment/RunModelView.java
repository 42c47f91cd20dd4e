package org.backprop.server.experiment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The model a run's program saved, as run views show it; its bytes download from the run's model endpoint. */
public record RunModelView(
        @Schema(description = "The name the program saved it under; it downloads as <name>.bpm") String name,
        @Schema(description = "Its size in bytes") long size,
        @Schema(description = "SHA-256 of its bytes, also the download's ETag") String sha256) {
}
