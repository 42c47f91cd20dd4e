package org.backprop.server.account;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A password setup link for one person, to pass on to them; shown once. */
public record PasswordLinkView(
        long accountId,
        String email,
        String name,
        @Schema(description = "Opens the page where the person chooses a password; works once, until expiresAt")
        String link,
        Instant expiresAt) {
}
