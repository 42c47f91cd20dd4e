package org.backprop.nn.layers.preprocessing;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one text into tokens as TextVectorization's settings say: standardize, split, then n-grams, each step as
 * TensorFlow does it, so that a vocabulary means here what it means in Keras.
 */
final class TextTokens {
    /** Keras's DEFAULT_STRIP_REGEX: Python's {@code string.punctuation}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final String standardize;
    private final String split;
    private final int ngrams;

    /** {@code standardize} and {@code split} are checked Keras names or null; {@code ngrams} is 0 for none. */
    TextTokens(String standardize, String split, int ngrams) {
        this.standardize = standardize;
        this.split = split;
        this.ngrams = ngrams;
    }

    /** Returns the tokens of {@code text}: the unigrams in order, then the bigrams, …, as {@code tf.strings.ngrams}. */
    List<String> of(String text) {
        List<String> words = split(standardized(text));
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

    private String standardized(String text) {
        if (standardize == null) {
            return text;
        }
        boolean lower = !"strip_punctuation".equals(standardize);
        boolean strip = !"lower".equals(standardize);
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

    private List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        if (split == null) {
            tokens.add(text);
        } else if ("character".equals(split)) {
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                tokens.add(new String(Character.toChars(text.codePointAt(i))));
            }
        } else {
            // tf.strings.split without a separator: runs of ASCII whitespace separate, none at either end.
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
        }
        return tokens;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
