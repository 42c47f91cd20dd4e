package org.backprop.nn.metrics;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;

/**
 * The running mean of values a custom train step hands it, as Keras's {@code keras.metrics.Mean(name=...)}: the
 * loss trackers of the book's VAE and GAN ({@code updateState(loss)}, {@code result()}, {@code resetState()}).
 * Each value counts once per element, so a scalar loss counts as one batch.
 *
 * <p>Tensors stay on the device until {@link #result} reads them all back in one transfer: a train step that
 * updates the tracker does not make a GPU wait for the host. Not thread-safe.
 */
public final class Mean extends Metric {
    private final List<Tensor> pending = new ArrayList<>();
    private double total;
    private long count;

    /** Returns a tracker that logs as {@code name}, e.g. {@code "total_loss"}. */
    public Mean(String name) {
        super(checkName(name));
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a Mean metric needs a name, e.g. new Mean(\"total_loss\")");
        }
        return name;
    }

    /** Adds every element of {@code values} (any shape; usually a scalar loss) to the mean. */
    public void updateState(Tensor values) {
        if (values == null) {
            throw new IllegalArgumentException("updateState of \"" + name() + "\" needs a tensor, got null");
        }
        Tensor kept = values.detach();
        Backends.current().retain(kept);
        pending.add(kept);
    }

    /** Adds one number to the mean. */
    public void updateState(double value) {
        total += value;
        count++;
    }

    /** Refuses: a Mean averages values a train step gives it, it does not score predictions. */
    @Override
    public void update(Tensor yTrue, Tensor yPred) {
        throw new IllegalStateException("Mean \"" + name() + "\" averages the values you give it: call"
                + " updateState(value) in your trainStep, and do not pass it to compile.");
    }

    @Override
    public double result() {
        if (!pending.isEmpty()) {
            Backend backend = Backends.current();
            backend.fetch(pending);
            for (Tensor values : pending) {
                for (int i = 0; i < values.size(); i++) {
                    total += values.get(i);
                }
                count += values.size();
                backend.release(values);
            }
            pending.clear();
        }
        return count == 0 ? 0 : total / count;
    }

    @Override
    public void reset() {
        Backend backend = Backends.current();
        for (Tensor values : pending) {
            backend.release(values);
        }
        pending.clear();
        total = 0;
        count = 0;
    }
}
