package org.backprop.grader.check;

import java.util.List;
import org.backprop.nn.records.RunRecord;

/**
 * What the checks judge: a team's run records as submitted, its report in Markdown, and the display names
 * of its members. Immutable.
 */
public record CheckInput(List<RunRecord> runs, String report, List<String> teamMembers) {

    public CheckInput {
        runs = List.copyOf(runs);
        report = report == null ? "" : report;
        teamMembers = List.copyOf(teamMembers);
    }
}
