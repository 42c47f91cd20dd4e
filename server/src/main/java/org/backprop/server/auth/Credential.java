package org.backprop.server.auth;

/** How a request proved who sent it. */
public enum Credential {
    /** The session cookie of a browser; state-changing requests must also carry the CSRF token. */
    SESSION,
    /** An {@code Authorization: Bearer} API token; browsers never attach it by themselves, so no CSRF token. */
    BEARER
}
