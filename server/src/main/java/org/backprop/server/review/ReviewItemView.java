package org.backprop.server.review;

import java.math.BigDecimal;
import java.time.Instant;
import org.backprop.grader.check.CheckOutcome;
import org.backprop.grader.result.Visibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rubric item of a submission as staff review it: the automatic result, the score in force, what counts. */
public record ReviewItemView(
        String key,
        String description,
        BigDecimal maxPoints,
        @Schema(description = "The grader's verdict; null when no result reports this item") CheckOutcome.Verdict verdict,
        @Schema(description = "The grader's points; null while a TA must decide") BigDecimal automaticPoints,
        @Schema(description = "The grader's message to the student") String message,
        Visibility visibility,
        @Schema(description = "The newest staff score; null if none") BigDecimal scoredPoints,
        String scoreComment,
        Long scoredBy,
        Instant scoredAt,
        @Schema(description = "The staff score if any, else the automatic points") BigDecimal effectivePoints) {

    static ReviewItemView of(ReviewItems.Item item) {
        ReviewScore score = item.latest();
        return new ReviewItemView(item.rubric().key, item.rubric().description, item.rubric().points,
                item.automatic() == null ? null : item.automatic().verdict,
                item.automatic() == null ? null : item.automatic().points,
                item.automatic() == null ? null : item.automatic().message, item.visibility(),
                score == null ? null : score.newPoints, score == null ? null : score.comment,
                score == null ? null : score.scoredBy, score == null ? null : score.scoredAt, item.effectivePoints());
    }
}
