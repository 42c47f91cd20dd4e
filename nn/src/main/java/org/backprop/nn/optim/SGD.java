package org.backprop.nn.optim;

/** Gradient descent, optionally with (Nesterov) momentum, as Keras 3's {@code SGD}. */
public final class SGD extends Optimizer {
    private final float momentum;
    private final boolean nesterov;

    public SGD(double learningRate) {
        this(learningRate, 0, false);
    }

    public SGD(double learningRate, double momentum, boolean nesterov) {
        super("sgd", learningRate);
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + momentum);
        }
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected float[][] newSlots(int size) {
        return new float[][] {new float[momentum > 0 ? size : 0]};
    }

    @Override
    protected void update(float[] values, float[] gradient, float[][] slots, long step) {
        float lr = learningRate();
        if (momentum == 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] -= lr * gradient[i];
            }
            return;
        }
        float[] velocity = slots[0];
        for (int i = 0; i < values.length; i++) {
            velocity[i] = momentum * velocity[i] - lr * gradient[i];
            values[i] += nesterov ? momentum * velocity[i] - lr * gradient[i] : velocity[i];
        }
    }
}
