package org.backprop.server.gradebook;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one gradebook score came about: the team's latest submission, its points, late credit and staff overrides. */
public record GradebookCell(
        long submissionId,
        int version,
        @Schema(description = "Effective points before the late credit") BigDecimal points,
        @Schema(description = "The late credit the submission was given, in percent") int creditPercent,
        @Schema(description = "How many rubric items a staff score overrides") int overrides) {
}
