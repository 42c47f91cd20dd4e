package org.backprop.server.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A name that says what an API token is for, e.g. "grading script". */
public record TokenRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "may have at most 100 characters") String name) {
}
