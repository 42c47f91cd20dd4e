package org.backprop.server.assignment;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dataset the assignment trains on; the hidden split stays on the server. */
public record DatasetView(
        String name,
        @Schema(description = "Where it comes from, e.g. tfds:rock_paper_scissors") String source,
        List<String> splits,
        @Schema(description = "The split only the grader evaluates on, or null") String hiddenSplit) {
}
