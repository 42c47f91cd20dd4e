package org.backprop.nn.optim;

/** Adam with decoupled weight decay, as Keras 3's {@code AdamW}: w −= w · decay · lr before each Adam step. */
public final class AdamW extends Adam {
    private final float weightDecay;

    public AdamW(double learningRate) {
        this(learningRate, 0.004);
    }

    public AdamW(double learningRate, double weightDecay) {
        super("adamw", learningRate, 0.9, 0.999, 1e-7);
        this.weightDecay = (float) weightDecay;
    }

    @Override
    float decay() {
        return weightDecay * learningRate();
    }
}
