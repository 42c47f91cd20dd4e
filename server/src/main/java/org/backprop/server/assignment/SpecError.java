package org.backprop.server.assignment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with an assignment spec, and where in the YAML it is. */
public record SpecError(
        @Schema(description = "Where in assignment.yaml, e.g. rubric[2].check or deadline.lateCredit[1].until")
        String path,
        String message) {
}
