package org.backprop.server.similarity;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assignment's similarity report: every pair of team submissions JPlag compared, most similar first. */
public record SimilarityView(
        long assignmentId,
        @Schema(description = "When the comparison ran") Instant computedAt,
        long computedBy,
        @Schema(description = "The shortest run of tokens JPlag counts as a match") int minimumTokenMatch,
        @Schema(description = "How many teams' newest submissions were compared") int submissions,
        List<PairView> pairs) {

    /** A team's submission in a pair. */
    public record TeamRef(long id, String name, long submissionId) {
    }

    /** Two teams, JPlag's average similarity of their code (0 to 1, the starter files removed) and what matches. */
    public record PairView(TeamRef teamA, TeamRef teamB, double similarity, List<MatchView> matches) {
    }

    /** A matched region: 1-based inclusive lines in a file of each submission (paths as submitted, e.g. src/Main.java). */
    public record MatchView(String fileA, int startLineA, int endLineA, String fileB, int startLineB, int endLineB,
            int tokens) {
    }
}
