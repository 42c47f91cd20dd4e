package org.backprop.grader.worker.wire;

import java.time.Instant;
import java.util.UUID;

/** A lease after a heartbeat: until when it now holds. */
public record LeaseView(UUID leaseId, long jobId, Instant leaseExpiresAt) {
}
