package org.backprop.nn.layers;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives layers Keras's default names: the first Dense is {@code dense}, the next {@code dense_1}.
 * {@link #reset()} starts over, as Keras's {@code clear_session()}.
 */
public final class LayerNames {
    private static final Map<String, Integer> USED = new HashMap<>();

    private LayerNames() {
    }

    /** Returns a model name, numbered like layer names: {@code sequential}, {@code sequential_1}, … */
    public static String uniqueModelName(String prefix) {
        return unique(prefix);
    }

    static String unique(String prefix) {
        int count = USED.getOrDefault(prefix, 0);
        USED.put(prefix, count + 1);
        return count == 0 ? prefix : prefix + "_" + count;
    }

    /** Starts naming from scratch. */
    public static void reset() {
        USED.clear();
    }
}
