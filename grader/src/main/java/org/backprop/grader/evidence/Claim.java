package org.backprop.grader.evidence;

import org.backprop.nn.records.RunRecord;

/** A run the team hands in: its record as the browser sent it, the member who ran it, the snapshot it came from. */
public record Claim(RunRecord record, Member member, String sourceSha256) {

    public Claim {
        if (record == null) {
            throw new IllegalArgumentException("a claim needs its record");
        }
        if (member == null) {
            throw new IllegalArgumentException("a claim needs the member who ran it");
        }
    }

    /** Returns "run "name"", as messages name runs. */
    public String label() {
        return "run \"" + record.name() + "\"";
    }
}
