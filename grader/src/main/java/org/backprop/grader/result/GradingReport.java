package org.backprop.grader.result;

import java.util.List;

/**
 * What grading one submission produced: a summary for the student, the graded items, and logs for staff
 * (compiler messages, what the program printed, stack traces of anything that went wrong on our side).
 */
public record GradingReport(String summary, List<GradedItem> items, String logs) {

    public GradingReport {
        items = List.copyOf(items);
    }
}
