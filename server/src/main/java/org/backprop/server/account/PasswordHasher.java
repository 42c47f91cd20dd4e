package org.backprop.server.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;

/** Hashes passwords with bcrypt; the cost makes guessing expensive for anyone who reads the table. */
@ApplicationScoped
public class PasswordHasher {
    private static final int COST = 12;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }
}
