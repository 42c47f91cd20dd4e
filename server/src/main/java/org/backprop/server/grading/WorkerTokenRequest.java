package org.backprop.server.grading;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A worker token presented in an {@code Authorization: Bearer} header, to be checked. */
public class WorkerTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    public WorkerTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
