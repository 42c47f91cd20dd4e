package org.backprop.server.team;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The seed of a random fill; the same seed on the same teams gives the same result. */
public record FillRequest(@Schema(example = "20260914") @NotNull(message = "is required") Long seed) {
}
