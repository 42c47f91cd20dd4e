package org.backprop.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

/** Builds the browser session cookie: HttpOnly, SameSite=Lax, Secure unless configured otherwise. */
@ApplicationScoped
public class SessionCookies {
    @Inject
    AuthConfig config;

    NewCookie opened(String sessionToken) {
        return cookie(sessionToken, (int) config.sessionLifetime().toSeconds());
    }

    NewCookie cleared() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(config.sessionCookie())
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAgeSeconds)
                .build();
    }
}
