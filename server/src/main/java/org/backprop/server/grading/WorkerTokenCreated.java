package org.backprop.server.grading;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new worker token, with its secret: shown once, then only its hash is kept. */
public record WorkerTokenCreated(
        long id,
        String name,
        Long courseId,
        @Schema(description = "Send as \"Authorization: Bearer <token>\"; it is not shown again") String token,
        Instant createdAt) {
}
