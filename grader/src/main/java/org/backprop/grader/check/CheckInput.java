package org.backprop.grader.check;

import java.util.List;
import org.backprop.grader.evidence.ClaimMatch;
import org.backprop.grader.evidence.HiddenTestResults;
import org.backprop.grader.evidence.ServerRun;

/**
 * What the checks judge: the server's own run of the submitted code (the evidence), each handed-in run with its
 * standing against that run, the submitting member's report in Markdown, and the display names of the team's
 * members, and the results of the assignment's hidden tests ({@link HiddenTestResults#NONE} when none ran).
 * Immutable.
 */
public record CheckInput(ServerRun run, List<ClaimMatch> claims, String report, List<String> teamMembers,
        HiddenTestResults hiddenTests) {

    /** Returns an input without hidden test results. */
    public CheckInput(ServerRun run, List<ClaimMatch> claims, String report, List<String> teamMembers) {
        this(run, claims, report, teamMembers, HiddenTestResults.NONE);
    }

    public CheckInput {
        if (run == null) {
            throw new IllegalArgumentException("checks need the server's run");
        }
        claims = List.copyOf(claims);
        report = report == null ? "" : report;
        teamMembers = List.copyOf(teamMembers);
        hiddenTests = hiddenTests == null ? HiddenTestResults.NONE : hiddenTests;
    }
}
