package org.backprop.nn.layers.preprocessing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What TextVectorization's {@code adapt} learns from texts, as Keras's IndexLookup: how often each token occurs,
 * in how many texts (documents) it occurs, and how many texts there were.
 */
final class TokenCounts {
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Integer> documentCounts = new HashMap<>();
    private int documents;

    /** Counts the tokens of one text; the special tokens never enter a vocabulary, as in Keras. */
    void add(List<String> tokens) {
        Set<String> seen = new HashSet<>();
        for (String token : tokens) {
            if (token.isEmpty() || TextVectorization.OOV_TOKEN.equals(token)) {
                continue;
            }
            counts.merge(token, 1, Integer::sum);
            if (seen.add(token)) {
                documentCounts.merge(token, 1, Integer::sum);
            }
        }
        documents++;
    }

    /**
     * Returns at most {@code limit} tokens, most frequent first; ties in reverse code-point order, as Keras's
     * {@code np.lexsort((tokens, counts))[::-1]} orders them.
     */
    List<String> mostFrequent(int limit) {
        List<String> tokens = new ArrayList<>(counts.keySet());
        tokens.sort((a, b) -> {
            int byCount = Integer.compare(counts.get(b), counts.get(a));
            return byCount != 0 ? byCount : compareCodePoints(b, a);
        });
        return tokens.size() > limit ? new ArrayList<>(tokens.subList(0, limit)) : tokens;
    }

    /** Returns Keras's inverse document frequency of each token: {@code log(1 + documents / (1 + documentCount))}. */
    float[] inverseDocumentFrequencies(List<String> tokens) {
        float[] idf = new float[tokens.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) Math.log(1 + (double) documents / (1 + documentCounts.getOrDefault(tokens.get(i), 0)));
        }
        return idf;
    }

    /** Compares as UTF-8 bytes do (numpy sorts bytes), which code-point order matches; UTF-16 order does not. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
