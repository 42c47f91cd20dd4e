package org.backprop.server.assignment;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataset the assignment trains on, and which of the course's imported datasets it resolves to; the hidden split
 * stays on the server.
 */
public record DatasetView(
        String name,
        @Schema(description = "The version assignment.yaml asks for, or null for the course's newest") String version,
        @Schema(description = "Where it comes from, e.g. tfds:rock_paper_scissors") String source,
        List<String> splits,
        @Schema(description = "The split only the grader evaluates on, or null") String hiddenSplit,
        @Schema(description = "The version of the course's dataset this entry uses, or null when none matches")
        String importedVersion,
        @Schema(description = "Why no dataset of the course matches, for the staff to fix; null when one does")
        String problem) {
}
