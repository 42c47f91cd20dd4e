package org.backprop.nn.optim;

import org.backprop.nn.backend.UpdateRule;
import org.backprop.nn.optim.schedules.LearningRateSchedule;

/** Gradient descent, optionally with (Nesterov) momentum, as Keras 3's {@code SGD}. */
public final class SGD extends Optimizer {
    private final float momentum;
    private final boolean nesterov;

    /** Returns plain gradient descent with Keras's default learning rate 0.01. */
    public SGD() {
        this(0.01);
    }

    /** Returns plain gradient descent, without momentum. */
    public SGD(double learningRate) {
        this(learningRate, 0, false);
    }

    public SGD(double learningRate, double momentum, boolean nesterov) {
        super("sgd", learningRate);
        this.momentum = checkMomentum(momentum);
        this.nesterov = nesterov;
    }

    /** Returns plain gradient descent whose learning rate {@code schedule} gives at each step. */
    public SGD(LearningRateSchedule schedule) {
        this(schedule, 0, false);
    }

    public SGD(LearningRateSchedule schedule, double momentum, boolean nesterov) {
        super("sgd", schedule);
        this.momentum = checkMomentum(momentum);
        this.nesterov = nesterov;
    }

    private static float checkMomentum(double momentum) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + momentum);
        }
        return (float) momentum;
    }

    /** Returns the momentum, Keras's {@code momentum}. */
    public float momentum() {
        return momentum;
    }

    /** Returns whether the momentum is Nesterov's, Keras's {@code nesterov}. */
    public boolean nesterov() {
        return nesterov;
    }

    @Override
    protected UpdateRule rule(long step) {
        return UpdateRule.sgd(learningRate(), momentum, nesterov);
    }
}
