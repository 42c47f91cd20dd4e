package org.backprop.server.auth;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
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

    /**
     * The address people open Backprop at, e.g. {@code https://backprop.uni.ac.kr}. Links the server hands
     * out (password setup, the OpenID Connect redirect) start with it, never with a request's Host header.
     */
    URI publicUrl();

    /** How long a password setup link works after the instructor creates it. */
    Duration passwordSetupLifetime();

    /** How many failed sign-ins are tolerated before sign-in is refused for a while. */
    SignInLimit signInLimit();

    /** Limits on failed sign-ins; a successful sign-in clears the account's count. */
    interface SignInLimit {
        /** Failures per email address (whether or not an account has it) within {@link #window()}. */
        int perAccount();

        /**
         * Failures per client address within {@link #window()}; higher than per account because a whole
         * classroom may reach the server through one address.
         */
        int perAddress();

        Duration window();
    }
}
