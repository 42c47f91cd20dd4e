package org.backprop.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.backprop.server.account.Account;
import org.backprop.server.ratelimit.RateLimit;
import org.backprop.server.ratelimit.RateLimiter;
import org.backprop.server.ratelimit.TooManyRequests;

/**
 * Refuses sign-ins after too many failures for one email or from one client address. Failures are counted
 * by the email as typed, whether or not an account has it, so the answers never tell who has an account.
 */
@ApplicationScoped
public class SignInGuard {
    static final String TOO_MANY = "Too many failed sign-ins for this email or from your network.";

    @Inject
    RateLimiter limiter;

    @Inject
    AuthConfig config;

    @Inject
    Clock clock;

    /** Fails with 429 while either the email or the address has used up its failures. */
    void check(String email, String address) {
        Optional<Instant> until = Stream.of(
                        limiter.blockedUntil(emailBucket(email), perAccount()),
                        limiter.blockedUntil(addressBucket(address), perAddress()))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
        if (until.isPresent()) {
            throw TooManyRequests.until(TOO_MANY, until.get(), clock.instant());
        }
    }

    void failed(String email, String address) {
        limiter.record(emailBucket(email), perAccount());
        limiter.record(addressBucket(address), perAddress());
    }

    /**
     * Clears the email's failures. The address keeps its count: otherwise someone guessing other people's
     * passwords could reset it by signing in to their own account now and then.
     */
    void succeeded(String email) {
        limiter.reset(emailBucket(email));
    }

    private RateLimit perAccount() {
        return new RateLimit(config.signInLimit().perAccount(), config.signInLimit().window());
    }

    private RateLimit perAddress() {
        return new RateLimit(config.signInLimit().perAddress(), config.signInLimit().window());
    }

    private static String emailBucket(String email) {
        return "sign-in-email:" + Account.normalizeEmail(email);
    }

    private static String addressBucket(String address) {
        return "sign-in-address:" + address;
    }
}
