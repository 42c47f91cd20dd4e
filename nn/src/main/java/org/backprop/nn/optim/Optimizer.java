package org.backprop.nn.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;

/**
 * A Keras optimizer: turns each weight's gradient into a new value. Slot state (momentum, moments) is
 * kept per weight; formulas follow Keras 3 exactly so that runs compare with Keras's.
 *
 * <p>Not thread-safe.
 */
public abstract class Optimizer {
    private final String name;
    private float learningRate;
    private final Map<Variable, float[][]> slots = new IdentityHashMap<>();
    private long iterations;

    protected Optimizer(String name, double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        this.name = name;
        this.learningRate = (float) learningRate;
    }

    /** Changes the learning rate for the steps to come (schedules, LearningRateScheduler). */
    public final void setLearningRate(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + value);
        }
        learningRate = (float) value;
    }

    /** Returns the Keras name, e.g. {@code "adam"}. */
    public final String name() {
        return name;
    }

    /** Returns the learning rate. */
    public final float learningRate() {
        return learningRate;
    }

    /** Returns how many steps have been applied. */
    public final long iterations() {
        return iterations;
    }

    /** Applies one step: each weight moves by its gradient, in the order given. */
    public final void apply(List<Variable> weights, List<Tensor> gradients) {
        if (weights.size() != gradients.size()) {
            throw new IllegalArgumentException(weights.size() + " weights but " + gradients.size() + " gradients");
        }
        iterations++;
        for (int i = 0; i < weights.size(); i++) {
            Variable weight = weights.get(i);
            Tensor gradient = gradients.get(i);
            if (!Shapes.same(weight.shape(), gradient.shape())) {
                throw new IllegalArgumentException("gradient of " + weight.name() + " has shape "
                        + Shapes.describe(gradient.shape()) + ", the weight " + Shapes.describe(weight.shape()));
            }
            float[] values = weight.value().toArray();
            float[][] state = slots.computeIfAbsent(weight, w -> newSlots(w.size()));
            update(values, gradient.internalValues(), state, iterations);
            weight.assign(Tensor.wrap(weight.shape(), values));
        }
    }

    /** Returns fresh slot arrays (zeros) for a weight of {@code size} values. */
    protected abstract float[][] newSlots(int size);

    /** Updates {@code values} in place from {@code gradient}; {@code step} counts from 1. */
    protected abstract void update(float[] values, float[] gradient, float[][] slots, long step);

    /** Returns the optimizer Keras calls {@code name}, with Keras's default settings. */
    public static Optimizer byName(String name) {
        switch (name) {
            case "sgd":
                return new SGD(0.01);
            case "rmsprop":
                return new RMSprop(0.001);
            case "adam":
                return new Adam(0.001);
            case "adamw":
                return new AdamW(0.001);
            default:
                throw new IllegalArgumentException("optimizer must be one of sgd, rmsprop, adam, adamw; got \""
                        + name + "\"");
        }
    }
}
