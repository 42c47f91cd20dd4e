package org.backprop.grader.evidence;

import java.util.Optional;
import org.backprop.nn.records.RunRecord;

/**
 * How one handed-in run stands against the server's run: the fit of the submitted code that has its name (if any),
 * and whether the server re-ran it, only built it, or the code does not produce it at all (with why).
 */
public record ClaimMatch(Claim claim, RunRecord evidence, Standing standing, String reason) {

    /** Where a claim stands. */
    public enum Standing {
        /** The code makes this fit with the claimed model, seed and data, and the server trained it. */
        RERUN,
        /** The code makes this fit with the claimed model, seed and data; the re-run budget left it out. */
        NOT_RERUN,
        /** The submitted code never makes this fit: the reason says what differs. */
        NOT_PRODUCED
    }

    public ClaimMatch {
        if (claim == null || standing == null) {
            throw new IllegalArgumentException("a match needs its claim and standing");
        }
        if ((standing == Standing.NOT_PRODUCED) == (reason == null) || (standing != Standing.NOT_PRODUCED
                && evidence == null)) {
            throw new IllegalArgumentException("a produced claim has its evidence; one the code does not produce says"
                    + " why");
        }
    }

    /** Returns the server's fit of the claim's name, if the code makes one (it may differ when not produced). */
    public Optional<RunRecord> serverRecord() {
        return Optional.ofNullable(evidence);
    }

    /** Returns whether the code produces the claimed run (re-run or not). */
    public boolean produced() {
        return standing != Standing.NOT_PRODUCED;
    }
}
