package org.backprop.server.team;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The seed of a balance: it decides which member of a team moves; the same seed gives the same moves. */
public record BalanceRequest(@Schema(example = "20260915") @NotNull(message = "is required") Long seed) {
}
