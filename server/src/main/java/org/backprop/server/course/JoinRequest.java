package org.backprop.server.course;

import jakarta.validation.constraints.NotBlank;

/** A course join code, as a student got it from the instructor. */
public record JoinRequest(@NotBlank(message = "is required") String code) {
}
