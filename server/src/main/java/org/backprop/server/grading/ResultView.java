package org.backprop.server.grading;

import java.time.Instant;
import java.util.List;

/** A job's result with its items and the staff log. */
public record ResultView(long id, long jobId, long submissionId, String summary, List<ResultItemView> items,
        String logs, Instant createdAt) {

    static ResultView of(GradingResult result) {
        return new ResultView(result.id, result.jobId, result.submissionId, result.summary,
                result.items.stream().map(ResultItemView::of).toList(), result.logs, result.createdAt);
    }
}
