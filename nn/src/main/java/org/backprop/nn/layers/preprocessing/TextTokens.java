package org.backprop.nn.layers.preprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns one text into tokens as TextVectorization's settings say: standardize, split, then n-grams, each built-in
 * step as TensorFlow does it, so that a vocabulary means here what it means in Keras. A custom function replaces
 * its step, as a callable does in Keras.
 */
final class TextTokens {
    /** Keras's DEFAULT_STRIP_REGEX: Python's {@code string.punctuation}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Function<String, String> standardize;
    private final Function<String, List<String>> split;
    private final int ngrams;

    /** {@code standardize} and {@code split} are the steps (none: null); {@code ngrams} is 0 for none. */
    TextTokens(Function<String, String> standardize, Function<String, List<String>> split, int ngrams) {
        this.standardize = standardize;
        this.split = split;
        this.ngrams = ngrams;
    }

    /** Returns the built-in standardization Keras names {@code name} (checked), or null for none. */
    static Function<String, String> standardization(String name) {
        if (name == null) {
            return null;
        }
        boolean lower = !"strip_punctuation".equals(name);
        boolean strip = !"lower".equals(name);
        return text -> standardized(text, lower, strip);
    }

    /** Returns the built-in split Keras names {@code name} (checked), or null for none. */
    static Function<String, List<String>> splitter(String name) {
        if (name == null) {
            return null;
        }
        return "character".equals(name) ? TextTokens::characters : TextTokens::words;
    }

    /** Returns the tokens of {@code text}: the unigrams in order, then the bigrams, …, as {@code tf.strings.ngrams}. */
    List<String> of(String text) {
        String standardized = standardize == null ? text : standardize.apply(text);
        List<String> words;
        if (split == null) {
            words = new ArrayList<>();
            words.add(standardized);
        } else {
            words = split.apply(standardized);
        }
        if (ngrams <= 1) {
            return words;
        }
        List<String> tokens = new ArrayList<>(words);
        for (int width = 2; width <= ngrams; width++) {
            for (int start = 0; start + width <= words.size(); start++) {
                tokens.add(String.join(" ", words.subList(start, start + width)));
            }
        }
        return tokens;
    }

    private static String standardized(String text, boolean lower, boolean strip) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (strip && PUNCTUATION.indexOf(c) >= 0) {
                continue;
            }
            // tf.strings.lower without an encoding lowers ASCII letters only.
            out.append(lower && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }

    private static List<String> characters(String text) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            tokens.add(new String(Character.toChars(text.codePointAt(i))));
        }
        return tokens;
    }

    /** tf.strings.split without a separator: runs of ASCII whitespace separate, none at either end. */
    private static List<String> words(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || isAsciiSpace(text.charAt(i));
            if (space && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
