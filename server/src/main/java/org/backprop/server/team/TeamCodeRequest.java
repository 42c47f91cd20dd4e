package org.backprop.server.team;

import jakarta.validation.constraints.NotBlank;

/** A team's join code, as a teammate passed it on. */
public record TeamCodeRequest(@NotBlank(message = "is required") String code) {
}
