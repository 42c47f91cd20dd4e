package org.backprop.server.assignment;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One granted extension, as the audit trail shows it. */
public record ExtensionView(
        long id,
        Long teamId,
        Long accountId,
        @Schema(description = "The team's or the student's name") String grantedTo,
        long extraSeconds,
        String reason,
        long grantedById,
        String grantedBy,
        Instant grantedAt,
        String grantedAtLocal) {
}
