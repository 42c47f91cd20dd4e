package org.backprop.server.gradebook;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One student's scores, in the order of the gradebook's columns. */
public record GradebookRow(long accountId, String email, String name,
        @Schema(description = "Per column: effective points of the team's latest submission times its late credit;"
                + " null where the team handed nothing in") List<BigDecimal> scores,
        @Schema(description = "Per column: how the score came about; null where the team handed nothing in")
        List<GradebookCell> cells) {
}
