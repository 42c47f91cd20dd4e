package org.backprop.server.review;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submission's items as staff review them, with its totals. */
public record ReviewView(
        long submissionId,
        long assignmentId,
        long teamId,
        int version,
        int creditPercent,
        @Schema(description = "Whether students of the assignment see their results") boolean published,
        @Schema(description = "Sum of the effective points") BigDecimal totalPoints,
        @Schema(description = "The total times the late credit percent") BigDecimal creditedPoints,
        List<ReviewItemView> items) {
}
