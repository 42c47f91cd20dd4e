package org.backprop.nn.optim.schedules;

import java.util.Map;

/**
 * A learning rate that changes with the optimizer's step count, as Keras's {@code
 * keras.optimizers.schedules.LearningRateSchedule}: hand one to an optimizer in place of a number ({@code new
 * SGD(new ExponentialDecay(100.0, 100, 0.96))}) and each step uses the rate for the number of steps applied before
 * it, starting from 0. The optimizer then owns no rate of its own: its {@code learningRate()} reads the schedule.
 */
public abstract class LearningRateSchedule {

    /** Returns the learning rate of the step that follows {@code step} applied steps ({@code step} ≥ 0). */
    public abstract double call(long step);

    /** Returns Keras's class name for the schedule, e.g. {@code "ExponentialDecay"}. */
    public abstract String className();

    /** Returns the settings by Keras's argument names, as Keras's {@code get_config()}, in Keras's order. */
    public abstract Map<String, Object> getConfig();
}
