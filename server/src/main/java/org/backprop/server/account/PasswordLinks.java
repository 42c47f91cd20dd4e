package org.backprop.server.account;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The links for a whole course roster. */
public record PasswordLinks(
        @Schema(description = "One link per member who has no password yet") List<PasswordLinkView> links,
        @Schema(description = "Members skipped because they have a password already") int membersWithPassword) {
}
