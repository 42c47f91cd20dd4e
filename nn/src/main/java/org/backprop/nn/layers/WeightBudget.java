package org.backprop.nn.layers;

import java.util.function.Supplier;
import org.backprop.nn.Shapes;

/**
 * Caps how many weight values layers may create while a piece of code runs. Rebuilding a saved model creates
 * every layer's weights from the file's config before loading the stored values; a corrupted or hostile config
 * ({@code units: 2000000000}) must fail there rather than allocate gigabytes, so the saved-model reader runs the
 * rebuild under a budget of the values the file actually holds.
 *
 * <p>The budget belongs to the calling thread, so that a grader rebuilding one model does not limit another
 * thread's. Outside {@link #limit} layers create weights of any size.
 */
public final class WeightBudget {
    private static final ThreadLocal<long[]> REMAINING = new ThreadLocal<>();

    private WeightBudget() {
    }

    /**
     * Returns what {@code body} returns, failing with an {@link IllegalArgumentException} as soon as a layer it
     * builds would take the weight values created in all past {@code values}.
     */
    public static <T> T limit(long values, Supplier<T> body) {
        long[] outer = REMAINING.get();
        REMAINING.set(new long[] {values});
        try {
            return body.get();
        } finally {
            REMAINING.set(outer);
        }
    }

    /** Takes a weight of {@code shape} named {@code weight} out of the budget, if one is set. */
    static void spend(String weight, int[] shape) {
        long[] remaining = REMAINING.get();
        if (remaining == null) {
            return;
        }
        long size = 1;
        for (int dim : shape) {
            // Checked dimension by dimension so that a product of huge dimensions cannot overflow.
            size *= dim;
            if (dim <= 0 || size > remaining[0]) {
                throw new IllegalArgumentException("weight \"" + weight + "\" of shape " + Shapes.describe(shape)
                        + " is larger than the " + remaining[0] + " weight values left to create");
            }
        }
        remaining[0] -= size;
    }
}
