package org.backprop.grader.check;

import java.util.List;
import org.backprop.grader.evidence.ClaimMatch;
import org.backprop.grader.evidence.HiddenTestResults;
import org.backprop.grader.evidence.ServerRun;
import org.backprop.grader.heldout.HeldoutEvaluation;
import org.backprop.grader.evidence.Member;

/**
 * What the checks judge: the server's own run of the submitted code (the evidence), each handed-in run with its
 * standing against that run, the submitting member's report in Markdown, the team's members,
 * the scores of the models the run saved on the hidden splits, and the results of the assignment's hidden tests
 * ({@link HiddenTestResults#NONE} when none ran). Immutable.
 */
public record CheckInput(ServerRun run, List<ClaimMatch> claims, String report, List<Member> teamMembers,
        HeldoutEvaluation heldout, HiddenTestResults hiddenTests) {

    /** Returns the input without hidden test results, for checks that never ask for them. */
    public CheckInput(ServerRun run, List<ClaimMatch> claims, String report, List<Member> teamMembers,
            HeldoutEvaluation heldout) {
        this(run, claims, report, teamMembers, heldout, HiddenTestResults.NONE);
    }

    public CheckInput {
        if (run == null) {
            throw new IllegalArgumentException("checks need the server's run");
        }
        claims = List.copyOf(claims);
        report = report == null ? "" : report;
        teamMembers = List.copyOf(teamMembers);
        heldout = heldout == null ? HeldoutEvaluation.NONE : heldout;
        hiddenTests = hiddenTests == null ? HiddenTestResults.NONE : hiddenTests;
    }

    /** Returns the input without held-out evaluation, for checks that never ask for it. */
    public CheckInput(ServerRun run, List<ClaimMatch> claims, String report, List<Member> teamMembers) {
        this(run, claims, report, teamMembers, HeldoutEvaluation.NONE);
    }
}
