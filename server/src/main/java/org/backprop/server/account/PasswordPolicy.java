package org.backprop.server.account;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a new password is good enough: at least 12 characters (a few words with spaces are the
 * easy way there), enough different characters, and neither the owner's email nor name inside it.
 */
public final class PasswordPolicy {
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;
    static final int MIN_DISTINCT = 5;
    /** Shorter parts of names or emails ("Li", "kim") turn up in ordinary words, so only longer ones count. */
    private static final int MIN_PERSONAL_PART = 4;

    private PasswordPolicy() {
    }

    /**
     * Returns why {@code password} is refused, as a sentence that names the field {@code field}, or empty
     * when it is fine.
     */
    public static Optional<String> refusal(String field, String password, String email, String name) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("\"" + field + "\" must have at least " + MIN_LENGTH + " characters; it has " + length
                    + ". A few words with spaces between them, such as a short sentence, are long and easy to"
                    + " remember.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("\"" + field + "\" may have at most " + MAX_LENGTH + " characters.");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("\"" + field + "\" repeats too few different characters. Use a few different words.");
        }
        String plain = letters(password);
        String localPart = email.substring(0, Math.max(0, email.indexOf('@')));
        if (contains(plain, letters(email)) || contains(plain, letters(localPart))) {
            return Optional.of("\"" + field + "\" must not contain your email address.");
        }
        if (contains(plain, letters(name))) {
            return Optional.of("\"" + field + "\" must not contain your name.");
        }
        for (String part : name.split("[\\s.,\\-]+")) {
            if (contains(plain, letters(part))) {
                return Optional.of("\"" + field + "\" must not contain your name.");
            }
        }
        return Optional.empty();
    }

    private static boolean contains(String password, String personal) {
        return personal.length() >= MIN_PERSONAL_PART && password.contains(personal);
    }

    /** Lower-case letters and digits only, so that "Kim.Minji" is found in "kimminji2026". */
    private static String letters(String text) {
        StringBuilder kept = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
