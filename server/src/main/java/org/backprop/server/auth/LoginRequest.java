package org.backprop.server.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Email and password of a sign-in. */
public record LoginRequest(
        @NotBlank(message = "is required") @Size(max = 320, message = "may have at most 320 characters") String email,
        @NotBlank(message = "is required") String password) {
}
