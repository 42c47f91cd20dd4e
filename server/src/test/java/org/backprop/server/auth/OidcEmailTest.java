package org.backprop.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class OidcEmailTest {

    @Test
    void takesAVerifiedEmailInTheFormAccountsStoreIt() {
        OidcEmail.Result result = OidcEmail.of(claims(" Minji.Kim@Uni.AC.kr ", true), true);

        assertEquals(Optional.of("minji.kim@uni.ac.kr"), result.email());
    }

    @Test
    void acceptsVerifiedAsAString() {
        JwtClaims claims = claims("kim@uni.ac.kr", null);
        claims.setClaim("email_verified", "true");

        assertEquals(Optional.of("kim@uni.ac.kr"), OidcEmail.of(claims, true).email());
    }

    @Test
    void refusesAnUnverifiedOrMissingEmail() {
        assertEquals("Your university has not verified the email address kim@uni.ac.kr, so Backprop cannot sign you"
                + " in with it. Sign in with your password instead.",
                OidcEmail.of(claims("kim@uni.ac.kr", false), true).refusal());
        assertEquals(Optional.empty(), OidcEmail.of(claims("kim@uni.ac.kr", null), true).email());
        assertEquals(Optional.empty(), OidcEmail.of(claims(null, true), true).email());
    }

    @Test
    void trustsAnUnverifiedEmailOnlyWhenConfiguredTo() {
        assertEquals(Optional.of("kim@uni.ac.kr"), OidcEmail.of(claims("kim@uni.ac.kr", null), false).email());
    }

    private static JwtClaims claims(String email, Boolean verified) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("123456");
        if (email != null) {
            claims.setClaim("email", email);
        }
        if (verified != null) {
            claims.setClaim("email_verified", verified);
        }
        return claims;
    }
}
