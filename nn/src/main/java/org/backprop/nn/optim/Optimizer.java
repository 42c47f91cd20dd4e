package org.backprop.nn.optim;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.UpdateRule;
import org.backprop.nn.optim.schedules.LearningRateSchedule;

/**
 * A Keras optimizer: turns each weight's gradient into a new value. Slot state (momentum, moments) is
 * kept per weight; formulas follow Keras 3 exactly so that runs compare with Keras's. Each subclass says
 * which formula and coefficients a step uses ({@link UpdateRule}); the backend applies it to all weights at
 * once, on the device where they live.
 *
 * <p>The learning rate is a number, or a {@link LearningRateSchedule} evaluated at each step as Keras does.
 *
 * <p>Not thread-safe.
 */
public abstract class Optimizer {
    private final String name;
    private float learningRate;
    /** When set, the only owner of the learning rate: {@link #learningRate} is ignored. */
    private final LearningRateSchedule schedule;
    private final Map<Variable, Tensor[]> slots = new IdentityHashMap<>();
    private long iterations;

    protected Optimizer(String name, double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + learningRate);
        }
        this.name = name;
        this.learningRate = (float) learningRate;
        this.schedule = null;
    }

    /** An optimizer whose learning rate {@code schedule} gives at each step. */
    protected Optimizer(String name, LearningRateSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null");
        }
        this.name = name;
        this.schedule = schedule;
    }

    /**
     * Changes the learning rate for the steps to come (LearningRateScheduler). Fails for an optimizer made with a
     * {@link LearningRateSchedule}, which owns the rate, as Keras's.
     */
    public final void setLearningRate(double value) {
        if (schedule != null) {
            throw new IllegalStateException("This " + name + " optimizer was created with the schedule "
                    + schedule.className() + " as its learning rate, so its learning rate cannot be set: the schedule decides it."
                    + " Use either the schedule or a LearningRateScheduler callback, not both.");
        }
        if (!(value > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, got " + value);
        }
        learningRate = (float) value;
    }

    /** Returns the Keras name, e.g. {@code "adam"}. */
    public final String name() {
        return name;
    }

    /** Returns the learning rate of the next step: the schedule's value at {@link #iterations()} when it has one. */
    public final float learningRate() {
        return schedule == null ? learningRate : (float) schedule.call(iterations);
    }

    /** Returns the schedule the optimizer was made with, or {@code null} for a fixed learning rate. */
    public final LearningRateSchedule learningRateSchedule() {
        return schedule;
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
        // The rule reads the learning rate before the count moves: a schedule gives step n the rate for n − 1
        // applied steps, as Keras's.
        UpdateRule rule = rule(iterations + 1);
        iterations++;
        Backend backend = Backends.current();
        List<Tensor> values = new ArrayList<>(weights.size());
        List<Tensor[]> state = new ArrayList<>(weights.size());
        for (int i = 0; i < weights.size(); i++) {
            Variable weight = weights.get(i);
            if (!Shapes.same(weight.shape(), gradients.get(i).shape())) {
                throw new IllegalArgumentException("gradient of " + weight.name() + " has shape "
                        + Shapes.describe(gradients.get(i).shape()) + ", the weight " + Shapes.describe(weight.shape()));
            }
            values.add(weight.value());
            state.add(slots.computeIfAbsent(weight, w -> newSlots(w, rule.kind().slots(), backend)));
        }
        List<Tensor[]> updated = backend.applyUpdates(rule, values, gradients, state);
        for (int i = 0; i < weights.size(); i++) {
            Tensor[] results = updated.get(i);
            weights.get(i).assign(results[0]);
            Tensor[] previous = state.get(i);
            Tensor[] next = java.util.Arrays.copyOfRange(results, 1, results.length);
            for (int s = 0; s < next.length; s++) {
                backend.retain(next[s]);
                backend.release(previous[s]);
            }
            slots.put(weights.get(i), next);
        }
    }

    /**
     * Applies one step with Keras's argument order, as {@code optimizer.apply_gradients(zip(grads, weights))} in a
     * custom train step: {@code gradients.get(i)} moves {@code weights.get(i)}.
     */
    public final void applyGradients(List<Tensor> gradients, List<Variable> weights) {
        apply(weights, gradients);
    }

    private static Tensor[] newSlots(Variable weight, int count, Backend backend) {
        Tensor[] fresh = new Tensor[count];
        for (int s = 0; s < count; s++) {
            fresh[s] = Tensor.zeros(weight.shape());
            backend.retain(fresh[s]);
        }
        return fresh;
    }

    /** Returns the formula and its coefficients for step {@code step}, counting from 1. */
    protected abstract UpdateRule rule(long step);

    /** Returns the optimizer Keras calls {@code name}, with Keras's default settings. */
    public static Optimizer byName(String name) {
        switch (name) {
            case "sgd":
                return new SGD();
            case "rmsprop":
                return new RMSprop();
            case "adam":
                return new Adam();
            case "adamw":
                return new AdamW();
            default:
                throw new IllegalArgumentException("optimizer must be one of sgd, rmsprop, adam, adamw; got \""
                        + name + "\"");
        }
    }
}
