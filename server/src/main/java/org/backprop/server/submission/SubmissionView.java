package org.backprop.server.submission;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submission, and the acknowledgement its submitter gets: version, hash, when, and the credit it earned. */
public record SubmissionView(
        long id,
        long assignmentId,
        long teamId,
        String teamName,
        @Schema(description = "1, 2, 3… per team and assignment") int version,
        long submittedById,
        String submittedBy,
        @Schema(description = "When the server accepted it, UTC") Instant receivedAt,
        @Schema(description = "The same instant in the course's zone, ISO-8601 with offset") String receivedAtLocal,
        String timeZone,
        @Schema(description = "SHA-256 (hex) of the manifest \"backprop-submission-v1\\n\" followed by"
                + " \"<path>\\t<size>\\t<sha256>\\n\" per file and per run handed in (path runs/<id>.json, the"
                + " run's size and recordSha256), sorted by path") String contentHash,
        @Schema(description = "Percent of the points this submission can earn, decided on receipt") int creditPercent,
        @Schema(description = "Seconds after the (extended) due time; 0 when on time") long lateSeconds,
        @Schema(description = "The same, for people: \"on time\" or e.g. \"2 h 5 min 3 s late\"") String lateBy,
        @Schema(description = "The extension that applied, in seconds") long extensionSeconds,
        @Schema(description = "The files' sizes together") long totalBytes,
        List<FileView> files,
        @Schema(description = "The runs of the team's experiment log handed in, in the order named")
        List<RunView> runs) {

    /** A file of the snapshot: src/…java, report.md or weights.bin. */
    public record FileView(String path, FileKind kind, long size, String sha256) {
    }

    /** A run handed in: its id in the team's experiment log, its name, and the member who ran it. */
    public record RunView(long id, String name, long memberId, String member) {
    }
}
