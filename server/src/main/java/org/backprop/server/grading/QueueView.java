package org.backprop.server.grading;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the grading queue stands, for an instructor watching it on a deadline night. */
public record QueueView(
        @Schema(description = "Jobs waiting for a worker") long queued,
        @Schema(description = "When the oldest waiting job was queued; null when none waits") Instant oldestQueuedAt,
        @Schema(description = "How long the oldest waiting job has waited, in seconds; null when none waits")
        Long oldestQueuedAgeSeconds,
        @Schema(description = "Jobs a worker holds") long leased,
        @Schema(description = "Of those, leases past their expiry: the next lease takes them over") long expiredLeases,
        long done,
        long failed,
        @Schema(description = "The most recent failed jobs (at most 20), with their errors") List<JobView> recentFailures) {
}
