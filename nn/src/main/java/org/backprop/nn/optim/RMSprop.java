package org.backprop.nn.optim;

import org.backprop.nn.backend.UpdateRule;
import org.backprop.nn.optim.schedules.LearningRateSchedule;

/** Divides the step by a moving root mean square of recent gradients, as Keras 3's {@code RMSprop}. */
public final class RMSprop extends Optimizer {
    private final float rho;
    private final float epsilon;

    /** Returns RMSprop with Keras's defaults: learning rate 0.001, rho 0.9, epsilon 1e-7. */
    public RMSprop() {
        this(0.001);
    }

    /** Returns RMSprop with Keras's rho 0.9 and epsilon 1e-7. */
    public RMSprop(double learningRate) {
        this(learningRate, 0.9, 1e-7);
    }

    public RMSprop(double learningRate, double rho, double epsilon) {
        super("rmsprop", learningRate);
        this.rho = (float) rho;
        this.epsilon = (float) epsilon;
    }

    /** Returns RMSprop with Keras's rho 0.9 and epsilon 1e-7, its learning rate from {@code schedule}. */
    public RMSprop(LearningRateSchedule schedule) {
        super("rmsprop", schedule);
        this.rho = 0.9f;
        this.epsilon = 1e-7f;
    }

    /** Returns the decay of the moving mean square, Keras's {@code rho}. */
    public float rho() {
        return rho;
    }

    /** Returns the constant added to the root mean square, Keras's {@code epsilon}. */
    public float epsilon() {
        return epsilon;
    }

    @Override
    protected UpdateRule rule(long step) {
        return UpdateRule.rmsprop(learningRate(), rho, epsilon);
    }
}
