package org.backprop.server.auth;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current password and the one that replaces it. */
public record PasswordChangeRequest(
        @NotBlank(message = "is required") String currentPassword,
        @Schema(description = "At least 12 characters; neither your email nor your name")
        @NotBlank(message = "is required") String newPassword) {
}
