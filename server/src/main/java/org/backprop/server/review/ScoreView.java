package org.backprop.server.review;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a submission's audit trail: who changed an item's points from what to what, when and why. */
public record ScoreView(long id, String itemKey, BigDecimal oldPoints, BigDecimal newPoints, String comment,
        long scoredBy, Instant scoredAt) {

    static ScoreView of(ReviewScore score) {
        return new ScoreView(score.id, score.itemKey, score.oldPoints, score.newPoints, score.comment, score.scoredBy,
                score.scoredAt);
    }
}
