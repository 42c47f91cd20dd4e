package org.backprop.server.auth;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new API token, with its secret: shown once, then only its hash is kept. */
public record TokenCreated(
        long id,
        String name,
        @Schema(description = "Send as \"Authorization: Bearer <token>\"; it is not shown again") String token,
        Instant createdAt,
        Instant expiresAt) {
}
