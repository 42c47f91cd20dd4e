package org.backprop.server.auth;

import org.backprop.server.account.Account;

/**
 * Who sent a request and through which credential; {@code sessionId} and {@code csrfToken} are set only
 * for {@link Credential#SESSION}.
 */
record SignedIn(Account account, Credential credential, Long sessionId, String csrfToken) {
}
