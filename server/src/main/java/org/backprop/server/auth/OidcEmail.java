package org.backprop.server.auth;

import java.util.Optional;
import org.backprop.server.account.Account;
import org.jose4j.jwt.JwtClaims;

/** Reads the email address an ID token vouches for: the key by which a university sign-in finds an account. */
final class OidcEmail {
    private OidcEmail() {
    }

    /**
     * Returns the token's email in the form accounts store it, or a sentence saying why there is none to trust.
     * Some providers send {@code email_verified} as the string "true", so both forms count.
     */
    static Result of(JwtClaims claims, boolean requireVerified) {
        Object email = claims.getClaimValue("email");
        if (!(email instanceof String text) || text.isBlank()) {
            return Result.refused("Your university's sign-in did not tell Backprop your email address. Ask your"
                    + " instructor to check that Backprop may read it (the \"email\" scope).");
        }
        Object verified = claims.getClaimValue("email_verified");
        if (requireVerified && !Boolean.TRUE.equals(verified) && !"true".equals(verified)) {
            return Result.refused("Your university has not verified the email address " + text.strip() + ", so"
                    + " Backprop cannot sign you in with it. Sign in with your password instead.");
        }
        return new Result(Optional.of(Account.normalizeEmail(text)), null);
    }

    /** Either an email or the reason there is none. */
    record Result(Optional<String> email, String refusal) {
        static Result refused(String refusal) {
            return new Result(Optional.empty(), refusal);
        }
    }
}
