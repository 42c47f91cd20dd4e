package org.backprop.server.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The token from a password setup link and the password its owner chose. */
public record PasswordSetupRequest(
        @Schema(description = "The part of the link after #password-setup=")
        @NotBlank(message = "is required") @Size(max = 100, message = "may have at most 100 characters") String token,
        @Schema(description = "At least 12 characters; neither your email nor your name")
        @NotBlank(message = "is required") String password) {
}
