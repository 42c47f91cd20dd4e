package org.backprop.grader.evidence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A team member as grading sees one: the account (what identifies the member: two students may share a name)
 * and the display name (what the report is searched for and what messages say).
 */
public record Member(
        @Schema(description = "The member's account id") long accountId,
        @Schema(description = "The member's display name") String name) {

    public Member {
        name = name == null ? "" : name;
    }
}
