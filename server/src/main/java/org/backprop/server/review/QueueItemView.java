package org.backprop.server.review;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One submission in the review queue. */
public record QueueItemView(
        long submissionId,
        long assignmentId,
        String assignmentTitle,
        long teamId,
        String teamName,
        @Schema(description = "1, 2, 3… per team and assignment") int version,
        @Schema(description = "Whether this is the team's newest submission of the assignment") boolean latest,
        @Schema(description = "How many submissions the team has handed in for the assignment") int versions,
        Instant receivedAt,
        long lateSeconds,
        @Schema(description = "\"on time\" or e.g. \"2 h 5 min 3 s late\"") String lateBy,
        int creditPercent,
        ReviewState state,
        @Schema(description = "The newest grading job; null if never queued") Long jobId,
        @Schema(description = "The job whose result is in force (GET /api/grading/jobs/{id}/result); null if none")
        Long resultJobId,
        @Schema(description = "Open regrade requests of the submission") int openRegrades,
        @Schema(description = "Sum of the points that count so far") BigDecimal totalPoints) {
}
