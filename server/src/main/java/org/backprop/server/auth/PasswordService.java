package org.backprop.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.backprop.server.account.Account;
import org.backprop.server.account.PasswordHasher;
import org.backprop.server.account.PasswordPolicy;
import org.backprop.server.account.PasswordSetup;
import org.backprop.server.api.ApiError;
import org.backprop.server.api.Problem;

/** Sets a first password through a setup link, and changes the password of a signed-in account. */
@ApplicationScoped
public class PasswordService {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    SignInGuard guard;

    @Inject
    Clock clock;

    /**
     * Sets the password of the link's account and uses the link up. The link's row is locked first, so of two
     * requests with one link exactly one sets a password.
     */
    @Transactional
    public void setUp(String token, String password) {
        PasswordSetup setup = PasswordSetup.<PasswordSetup>find("tokenHash", Secrets.sha256(token.strip()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ApiError.badRequest("\"token\" is not a password setup link of this server. Copy"
                        + " the whole link from your instructor's message, or ask them for a new one."));
        Instant now = clock.instant();
        if (setup.usedAt != null) {
            throw gone("This password setup link was used on " + SHOWN.format(setup.usedAt) + " already. Sign in with"
                    + " the password chosen then, or ask your instructor for a new link.");
        }
        if (!setup.expiresAt.isAfter(now)) {
            throw gone("This password setup link expired on " + SHOWN.format(setup.expiresAt) + ". Ask your"
                    + " instructor for a new one.");
        }
        Account account = Account.findById(setup.accountId, LockModeType.PESSIMISTIC_WRITE);
        requireStrong("password", password, account);
        account.passwordHash = passwordHasher.hash(password);
        setup.usedAt = now;
        PasswordSetup.forgetUnused(account.id);
    }

    /**
     * Changes the password after checking the current one, and ends the account's other browser sessions.
     * Wrong current passwords count as failed sign-ins, so a borrowed session cannot be used to guess.
     */
    @Transactional
    public void change(long accountId, Long keptSessionId, String current, String replacement, String address) {
        Account account = Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (PasswordHasher.NO_PASSWORD.equals(account.passwordHash)) {
            throw ApiError.conflict("Your account has no password yet, so there is none to change. Choose one with"
                    + " the password setup link from your instructor.");
        }
        guard.check(account.email, address);
        if (!passwordHasher.matches(current, account.passwordHash)) {
            guard.failed(account.email, address);
            throw ApiError.badRequest("\"currentPassword\" is not your current password.");
        }
        if (current.equals(replacement)) {
            throw ApiError.badRequest("\"newPassword\" is the same as your current password. Choose another one.");
        }
        requireStrong("newPassword", replacement, account);
        account.passwordHash = passwordHasher.hash(replacement);
        AuthSession.delete("accountId = ?1 and id <> ?2", accountId, keptSessionId == null ? -1L : keptSessionId);
    }

    private static void requireStrong(String field, String password, Account account) {
        PasswordPolicy.refusal(field, password, account.email, account.displayName).ifPresent(refusal -> {
            throw ApiError.badRequest(refusal);
        });
    }

    private static WebApplicationException gone(String detail) {
        return new WebApplicationException(detail, Problem.response(Response.Status.GONE, detail));
    }
}
