package org.backprop.nn.optim;

/** Divides the step by a moving root mean square of recent gradients, as Keras 3's {@code RMSprop}. */
public final class RMSprop extends Optimizer {
    private final float rho;
    private final float epsilon;

    public RMSprop(double learningRate) {
        this(learningRate, 0.9, 1e-7);
    }

    public RMSprop(double learningRate, double rho, double epsilon) {
        super("rmsprop", learningRate);
        this.rho = (float) rho;
        this.epsilon = (float) epsilon;
    }

    @Override
    protected float[][] newSlots(int size) {
        return new float[][] {new float[size]};
    }

    @Override
    protected void update(float[] values, float[] gradient, float[][] slots, long step) {
        float lr = learningRate();
        float[] velocity = slots[0];
        for (int i = 0; i < values.length; i++) {
            float g = gradient[i];
            velocity[i] = rho * velocity[i] + (1 - rho) * g * g;
            // Keras 3 adds epsilon inside the square root.
            values[i] -= lr * g / (float) Math.sqrt(velocity[i] + epsilon);
        }
    }
}
