package org.backprop.server.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static final String EMAIL = "minji.kim@uni.ac.kr";
    private static final String NAME = "Kim Minji";

    @Test
    void acceptsTwelveCharactersAndPassphrases() {
        assertEquals(Optional.empty(), refusal("x7#Lq9!vR2@m"));
        assertEquals(Optional.empty(), refusal("purple otter eats dumplings"));
    }

    @Test
    void refusesShortPasswordsAndSaysHowLongTheyAre() {
        assertEquals(Optional.of("\"password\" must have at least 12 characters; it has 11. A few words with spaces"
                + " between them, such as a short sentence, are long and easy to remember."), refusal("Tr0ub4dor&3"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertEquals(Optional.empty(), refusal("딥러닝 숙제는 어렵지만 재미"));
        assertEquals(true, refusal("😀😀😀😀😀😀a").isPresent(), "seven characters, though thirteen UTF-16 units");
    }

    @Test
    void refusesRepeatedCharacters() {
        assertEquals(Optional.of("\"password\" repeats too few different characters. Use a few different words."),
                refusal("abababababababab"));
    }

    @Test
    void refusesTheEmailAndTheName() {
        assertEquals(Optional.of("\"password\" must not contain your email address."), refusal("Minji.Kim-2026!!"));
        assertEquals(Optional.of("\"password\" must not contain your name."), refusal("kim minji rocks 2026"));
        assertEquals(Optional.of("\"password\" must not contain your name."), refusal("I am MINJI and I code"));
    }

    @Test
    void refusesOverlongPasswords() {
        assertEquals(Optional.of("\"password\" may have at most 200 characters."),
                refusal("the quick brown fox ".repeat(11)));
    }

    private static Optional<String> refusal(String password) {
        return PasswordPolicy.refusal("password", password, EMAIL, NAME);
    }
}
