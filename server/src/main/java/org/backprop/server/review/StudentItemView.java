package org.backprop.server.review;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rubric item of a team's submission as its students see it once results are published. */
public record StudentItemView(
        String key,
        String description,
        BigDecimal maxPoints,
        @Schema(description = "The points that count; null while a TA has not decided") BigDecimal points,
        @Schema(description = "What the grader found; null if it did not report this item") String message,
        @Schema(description = "The TA's comment on the score in force, if any") String comment) {

    static StudentItemView of(ReviewItems.Item item) {
        return new StudentItemView(item.rubric().key, item.rubric().description, item.rubric().points,
                item.effectivePoints(), item.automatic() == null ? null : item.automatic().message,
                item.latest() == null ? null : item.latest().comment);
    }
}
