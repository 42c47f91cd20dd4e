package org.backprop.server.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ways to sign in that this server offers. */
public record SignInOptions(
        @Schema(description = "Email and password (POST /api/auth/login); always offered") boolean password,
        @Schema(description = "The university's OpenID Connect sign-in (GET /api/auth/oidc/login)") boolean university) {
}
