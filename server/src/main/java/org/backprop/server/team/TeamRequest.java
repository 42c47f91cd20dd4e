package org.backprop.server.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The name of a team to create. */
public record TeamRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "may have at most 100 characters") String name) {
}
