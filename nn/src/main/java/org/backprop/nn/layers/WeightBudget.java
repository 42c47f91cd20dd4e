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
    /** The values left, and what the budget is (for messages), of the innermost {@link #limit} running. */
    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private static final class Budget {
        final long total;
        final String source;
        long remaining;

        Budget(long total, String source) {
            this.total = total;
            this.source = source;
            this.remaining = total;
        }
    }

    private WeightBudget() {
    }

    /**
     * Returns what {@code body} returns, failing with an {@link IllegalArgumentException} as soon as a layer it
     * builds would take the weight values created in all past {@code values}; {@code source} says, in the message,
     * what holds that many ({@code "the saved model"}).
     */
    public static <T> T limit(long values, String source, Supplier<T> body) {
        Budget outer = CURRENT.get();
        CURRENT.set(new Budget(values, source));
        try {
            return body.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** Takes a weight of {@code shape} named {@code weight} out of the budget, if one is set. */
    static void spend(String weight, int[] shape) {
        Budget budget = CURRENT.get();
        if (budget == null) {
            return;
        }
        long size = 1;
        for (int dim : shape) {
            // Checked dimension by dimension so that a product of huge dimensions cannot overflow.
            size *= dim;
            if (dim <= 0 || size > budget.remaining) {
                throw new IllegalArgumentException("weight \"" + weight + "\" of shape " + Shapes.describe(shape)
                        + " needs more weight values than " + budget.source + " holds (" + budget.total
                        + " in all, " + budget.remaining + " left)");
            }
        }
        budget.remaining -= size;
    }
}
