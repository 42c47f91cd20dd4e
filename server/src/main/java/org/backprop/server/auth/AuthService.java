package org.backprop.server.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.backprop.server.account.Account;
import org.backprop.server.account.PasswordHasher;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Page;
import org.backprop.server.api.PageParams;

/** Signs people in and out, and issues, finds and revokes their sessions and API tokens. */
@ApplicationScoped
public class AuthService {
    static final String WRONG_PASSWORD = "The email or password is not right.";

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    AuthConfig config;

    @Inject
    SignInGuard guard;

    @Inject
    Clock clock;

    /** A new browser session: its cookie token and CSRF token are only ever seen here, at sign-in. */
    record Opened(Account account, String sessionToken, String csrfToken) {
    }

    /**
     * Checks the password and opens a session, unless {@link SignInGuard} refuses first. The bcrypt check
     * runs outside any transaction so that a rush of sign-ins does not hold database connections for a
     * quarter second each.
     */
    Opened signIn(String email, String password, String address) {
        guard.check(email, address);
        Account account = Account.findByEmail(email).orElse(null);
        if (!passwordHasher.matches(password, account == null ? null : account.passwordHash)) {
            guard.failed(email, address);
            throw new AuthenticationFailedException(WRONG_PASSWORD);
        }
        guard.succeeded(email);
        return openSession(account);
    }

    /** Opens a browser session for an account whose owner has proved who they are. */
    Opened openSession(Account account) {
        String sessionToken = Secrets.token();
        Instant now = clock.instant();
        AuthSession session = new AuthSession();
        session.accountId = account.id;
        session.tokenHash = Secrets.sha256(sessionToken);
        session.csrfToken = Secrets.token();
        session.expiresAt = now.plus(config.sessionLifetime());
        QuarkusTransaction.requiringNew().run(() -> {
            // Sweeping here keeps the table small without a scheduler: only accounts that sign in leave rows.
            AuthSession.delete("accountId = ?1 and expiresAt <= ?2", account.id, now);
            session.persist();
        });
        return new Opened(account, sessionToken, session.csrfToken);
    }

    @Transactional
    void signOut(long sessionId) {
        AuthSession.deleteById(sessionId);
    }

    /** Returns who holds {@code token}, or fails with a message that says what to do. */
    @Transactional
    SignedIn identify(Credential credential, String token) {
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        if (credential == Credential.SESSION) {
            AuthSession session = AuthSession.<AuthSession>find("tokenHash", hash).firstResult();
            if (session == null || !session.expiresAt.isAfter(now)) {
                throw new AuthenticationFailedException("Your session has ended. Sign in again.");
            }
            return new SignedIn(Account.findById(session.accountId), credential, session.id, session.csrfToken);
        }
        ApiToken apiToken = ApiToken.<ApiToken>find("tokenHash", hash).firstResult();
        if (apiToken == null || !apiToken.expiresAt.isAfter(now)) {
            throw new AuthenticationFailedException(
                    "This API token is unknown, revoked or expired. Create a new one after signing in.");
        }
        return new SignedIn(Account.findById(apiToken.accountId), credential, null, null);
    }

    /** Creates an API token; the returned view is the only place its secret ever appears. */
    @Transactional
    public TokenCreated issueToken(long accountId, String name) {
        String secret = Secrets.token();
        ApiToken token = new ApiToken();
        token.accountId = accountId;
        token.name = name.trim();
        token.tokenHash = Secrets.sha256(secret);
        token.createdAt = clock.instant();
        token.expiresAt = token.createdAt.plus(config.tokenLifetime());
        token.persist();
        return new TokenCreated(token.id, token.name, secret, token.createdAt, token.expiresAt);
    }

    @Transactional
    Page<TokenView> tokens(long accountId, PageParams paging) {
        return Page.of(ApiToken.find("accountId = ?1 order by id", accountId), paging, TokenView::of);
    }

    @Transactional
    void revokeToken(long accountId, long tokenId) {
        if (ApiToken.delete("id = ?1 and accountId = ?2", tokenId, accountId) == 0) {
            throw ApiError.notFound("You have no API token with id " + tokenId + ".");
        }
    }
}
