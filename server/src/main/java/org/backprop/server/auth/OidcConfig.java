package org.backprop.server.auth;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in through a university's OpenID Connect provider, under {@code backprop.oidc}; off unless
 * {@code enabled}. Documented with an example in docs/oidc.md.
 */
@ConfigMapping(prefix = "backprop.oidc")
public interface OidcConfig {
    boolean enabled();

    /** The provider's base address; its discovery document lies under /.well-known/openid-configuration. */
    Optional<URI> authServerUrl();

    /** The client id Backprop is registered with at the provider; ID tokens must name it as audience. */
    Optional<String> clientId();

    Optional<String> clientSecret();

    String scopes();

    /**
     * Whether the ID token must say {@code email_verified: true}. Only turn it off for a provider that
     * issues university addresses alone and never sends the claim.
     */
    boolean requireVerifiedEmail();

    /** How long a browser may take between leaving for the provider and coming back. */
    Duration loginTimeout();
}
