package org.backprop.server.assignment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assignment as course members see it; check parameters only for staff. */
public record AssignmentView(
        long id,
        long courseId,
        @Schema(description = "The folder id in assignments/, e.g. hw-convnets") String slug,
        String title,
        @Schema(description = "Markdown") String summary,
        @Schema(description = "The team set whose teams submit") long teamSetId,
        @Schema(description = "The class with main that the grader runs") String mainClass,
        DeadlineView deadline,
        List<DatasetView> datasets,
        @Schema(description = "Paths of the starter files; GET .../starter returns their text") List<String> starterFiles,
        List<RubricItemView> rubric,
        BigDecimal totalPoints,
        Instant updatedAt) {
}
