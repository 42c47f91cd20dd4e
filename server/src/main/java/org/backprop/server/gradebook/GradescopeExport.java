package org.backprop.server.gradebook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An assignment's graded submissions for Gradescope: per team, its latest submission's result as Gradescope's
 * {@code results.json}, with the members' e-mail addresses that Gradescope matches students by.
 */
public record GradescopeExport(
        long assignmentId,
        @Schema(description = "The assignment's id in its course's folder, e.g. hw-convnets") String slug,
        String title,
        @Schema(description = "One entry per team whose latest submission has been graded") List<TeamResult> teams) {

    /** A team's latest graded submission and who is in the team. */
    public record TeamResult(
            long teamId,
            String team,
            long submissionId,
            int version,
            @Schema(description = "The team's members' e-mail addresses, sorted") List<String> emails,
            @Schema(description = "Gradescope's results.json for every member") GradescopeResults results) {
    }
}
