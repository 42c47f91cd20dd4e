package org.backprop.server.team;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One placement made after selection, as staff read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamAuditView(
        long id,
        long accountId,
        String name,
        @Schema(description = "MOVE (by hand), FILL (random fill) or BALANCE") String action,
        @Schema(description = "Absent when the student had no team") Long fromTeamId,
        String fromTeam,
        @Schema(description = "Absent when the student was taken out of every team") Long toTeamId,
        String toTeam,
        @Schema(description = "Who made the placement; absent once their account is gone") Long actorId,
        @Schema(description = "The seed of a fill or balance") Long seed,
        Instant at) {
}
