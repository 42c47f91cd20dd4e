package org.backprop.nn.optim;

import org.backprop.nn.optim.schedules.LearningRateSchedule;

/** Adam with decoupled weight decay, as Keras 3's {@code AdamW}: w −= w · decay · lr before each Adam step. */
public final class AdamW extends Adam {
    private final float weightDecay;

    /** Returns AdamW with Keras's defaults: learning rate 0.001, weight decay 0.004. */
    public AdamW() {
        this(0.001);
    }

    /** Returns AdamW with Keras's weight decay 0.004. */
    public AdamW(double learningRate) {
        this(learningRate, 0.004);
    }

    public AdamW(double learningRate, double weightDecay) {
        super("adamw", learningRate, 0.9, 0.999, 1e-7);
        this.weightDecay = (float) weightDecay;
    }

    /** Returns AdamW with Keras's weight decay 0.004, its learning rate from {@code schedule}. */
    public AdamW(LearningRateSchedule schedule) {
        super("adamw", schedule);
        this.weightDecay = 0.004f;
    }

    /** Returns the decoupled weight decay, Keras's {@code weight_decay}. */
    public float weightDecay() {
        return weightDecay;
    }

    @Override
    float decay() {
        return weightDecay * learningRate();
    }
}
