package org.backprop.server.auth;

import jakarta.validation.constraints.NotBlank;

/** Email and password of a sign-in. */
public record LoginRequest(
        @NotBlank(message = "is required") String email,
        @NotBlank(message = "is required") String password) {
}
