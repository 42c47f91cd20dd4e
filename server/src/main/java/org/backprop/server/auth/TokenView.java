package org.backprop.server.auth;

import java.time.Instant;

/** An API token as listed: never its secret. */
public record TokenView(long id, String name, Instant createdAt, Instant expiresAt) {

    static TokenView of(ApiToken token) {
        return new TokenView(token.id, token.name, token.createdAt, token.expiresAt);
    }
}
