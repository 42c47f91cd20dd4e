package org.backprop.server.auth;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Settings of sign-in, under {@code backprop.auth}. */
@ConfigMapping(prefix = "backprop.auth")
public interface AuthConfig {
    /** Name of the cookie that carries a browser session. */
    String sessionCookie();

    /**
     * Whether the session cookie is only sent over HTTPS. Browsers treat http://localhost as secure, so the
     * demo works with it on; turn it off only behind a plain-HTTP proxy you trust.
     */
    boolean secureCookie();

    /** How long a browser session lasts after signing in. */
    Duration sessionLifetime();

    /** How long an API token lasts after it is created. */
    Duration tokenLifetime();
}
