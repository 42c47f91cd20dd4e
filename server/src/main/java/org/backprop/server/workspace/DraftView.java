package org.backprop.server.workspace;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's report draft for an assignment; revision 0 and no time until it is first saved. */
public record DraftView(String markdown, int revision,
        @Schema(description = "When it was last saved, by the server's clock", nullable = true) Instant updatedAt) {
}
