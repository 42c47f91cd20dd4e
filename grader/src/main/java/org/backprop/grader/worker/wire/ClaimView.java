package org.backprop.grader.worker.wire;

import org.backprop.grader.pipeline.ClaimedRun;
import org.backprop.grader.evidence.Member;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A run a submission hands in, as a worker receives it: a claim the grader compares with its own re-run, never
 * evidence by itself.
 */
public record ClaimView(
        @Schema(description = "The run record as the team's experiment log keeps it (JSON text)") String recordJson,
        @Schema(description = "The member who ran it") Member member,
        @Schema(description = "SHA-256 of the sources the browser says produced it; null when unknown",
                nullable = true) String sourceSha256) {

    /** Returns the wire form of a handed-in run. */
    public static ClaimView of(ClaimedRun claim) {
        return new ClaimView(claim.recordJson(), claim.member(), claim.sourceSha256());
    }

    /** Returns the grader's form of this claim. */
    public ClaimedRun toClaimedRun() {
        return new ClaimedRun(recordJson, member, sourceSha256);
    }
}
