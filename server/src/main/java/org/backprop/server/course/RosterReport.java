package org.backprop.server.course;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a roster import did. Every data line is counted exactly once: {@code rowsRead} is the sum of
 * {@code enrolled}, {@code rolesChanged}, {@code unchanged} and the number of {@code errors}.
 */
public record RosterReport(
        int rowsRead,
        @Schema(description = "New accounts; they have no password until one is set") int accountsCreated,
        int enrolled,
        int rolesChanged,
        int unchanged,
        List<RosterError> errors) {
}
