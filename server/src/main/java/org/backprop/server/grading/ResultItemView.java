package org.backprop.server.grading;

import java.math.BigDecimal;
import org.backprop.grader.check.CheckOutcome;
import org.backprop.grader.result.Visibility;

/** One graded rubric item. */
public record ResultItemView(String key, CheckOutcome.Verdict verdict, BigDecimal points, BigDecimal maxPoints,
        String message, Visibility visibility) {

    static ResultItemView of(GradingResultItem item) {
        return new ResultItemView(item.itemKey, item.verdict, item.points, item.maxPoints, item.message,
                item.visibility);
    }
}
