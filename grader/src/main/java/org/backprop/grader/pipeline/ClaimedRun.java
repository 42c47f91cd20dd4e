package org.backprop.grader.pipeline;

import org.backprop.grader.evidence.Member;

/**
 * A run a submission hands in, as the team's experiment log keeps it: the run record JSON the browser sent
 * (a claim: the checks compare it with the server's own run), the member who ran it, and
 * the SHA-256 of the source snapshot the browser says produced it (null when unknown).
 */
public record ClaimedRun(String recordJson, Member member, String sourceSha256) {

    public ClaimedRun {
        if (recordJson == null || recordJson.isBlank()) {
            throw new IllegalArgumentException("a claimed run needs its record, got " + recordJson);
        }
        if (member == null) {
            throw new IllegalArgumentException("a claimed run needs the member who ran it");
        }
    }
}
