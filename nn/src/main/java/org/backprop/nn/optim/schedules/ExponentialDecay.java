package org.backprop.nn.optim.schedules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learning rate that decays exponentially, as Keras's {@code keras.optimizers.schedules.ExponentialDecay}: at
 * step {@code s} it is {@code initialLearningRate · decayRate^(s / decaySteps)}, with the exponent rounded down to
 * a whole number when {@code staircase} (the rate then changes once every {@code decaySteps} steps). Deep Learning
 * with Python's style transfer: {@code new SGD(new ExponentialDecay(100.0, 100, 0.96))}.
 */
public final class ExponentialDecay extends LearningRateSchedule {
    private final double initialLearningRate;
    private final long decaySteps;
    private final double decayRate;
    private final boolean staircase;

    /** Returns the schedule with Keras's default {@code staircase=False}: the rate decays a little every step. */
    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
        this(initialLearningRate, decaySteps, decayRate, false);
    }

    public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
        if (!(initialLearningRate > 0)) {
            throw new IllegalArgumentException("initialLearningRate must be positive, got " + initialLearningRate);
        }
        if (decaySteps < 1) {
            throw new IllegalArgumentException("decaySteps must be at least 1, got " + decaySteps);
        }
        if (!(decayRate > 0)) {
            throw new IllegalArgumentException("decayRate must be positive, got " + decayRate);
        }
        this.initialLearningRate = initialLearningRate;
        this.decaySteps = decaySteps;
        this.decayRate = decayRate;
        this.staircase = staircase;
    }

    @Override
    public double call(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, got " + step);
        }
        double exponent = (double) step / decaySteps;
        return initialLearningRate * Math.pow(decayRate, staircase ? Math.floor(exponent) : exponent);
    }

    @Override
    public String className() {
        return "ExponentialDecay";
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("initial_learning_rate", initialLearningRate);
        config.put("decay_steps", decaySteps);
        config.put("decay_rate", decayRate);
        config.put("staircase", staircase);
        return config;
    }
}
