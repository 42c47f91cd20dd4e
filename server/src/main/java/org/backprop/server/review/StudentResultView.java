package org.backprop.server.review;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team's results for one submission: the items students may see and the totals over those. */
public record StudentResultView(
        long submissionId,
        long assignmentId,
        int version,
        int creditPercent,
        @Schema(description = "Sum of the points of the items shown") BigDecimal totalPoints,
        @Schema(description = "The total times the late credit percent") BigDecimal creditedPoints,
        List<StudentItemView> items) {
}
