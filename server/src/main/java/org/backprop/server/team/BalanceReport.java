package org.backprop.server.team;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a balance moves (or, in a preview, would move), and how the teams look afterwards. */
public record BalanceReport(
        long seed,
        @Schema(description = "False for a preview, which changes nothing") boolean applied,
        List<MoveView> moves,
        @Schema(description = "Teams split up among the others because they could not reach the minimum size")
        List<String> teamsRemoved,
        @Schema(description = "Every remaining team with its size after the moves") List<TeamSize> teams,
        List<String> teamsBelowMinimum,
        List<String> teamsAboveMaximum) {

    /** One student moved from one team to another. */
    public record MoveView(long accountId, String name, long fromTeamId, String fromTeam, long toTeamId,
            String toTeam) {
    }

    public record TeamSize(long id, String name, int size) {
    }
}
