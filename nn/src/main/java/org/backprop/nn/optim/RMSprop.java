package org.backprop.nn.optim;

import org.backprop.nn.backend.UpdateRule;

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
    protected UpdateRule rule(long step) {
        return UpdateRule.rmsprop(learningRate(), rho, epsilon);
    }
}
