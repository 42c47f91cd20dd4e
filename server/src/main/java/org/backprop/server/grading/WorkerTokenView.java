package org.backprop.server.grading;

import java.time.Instant;

/** A worker token as listed: never its secret. */
public record WorkerTokenView(long id, String name, Long courseId, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    static WorkerTokenView of(WorkerToken token) {
        return new WorkerTokenView(token.id, token.name, token.courseId, token.createdAt, token.lastUsedAt,
                token.revokedAt);
    }
}
