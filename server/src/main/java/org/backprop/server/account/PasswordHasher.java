package org.backprop.server.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** Hashes passwords with bcrypt; the cost makes guessing expensive for anyone who reads the table. */
@ApplicationScoped
public class PasswordHasher {
    /** Stored for accounts that have no password yet (created by a roster import): no password matches it. */
    public static final String NO_PASSWORD = "!";
    private static final int COST = 12;
    /** Checked against when an account is missing or has no password, so that the answer takes as long. */
    private static final String DECOY = BcryptUtil.bcryptHash("decoy-password", COST);

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    /** Returns whether {@code password} matches {@code hash}; null or {@link #NO_PASSWORD} match nothing. */
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith("$2")) {
            BcryptUtil.matches(password, DECOY);
            return false;
        }
        return BcryptUtil.matches(password, hash);
    }
}
