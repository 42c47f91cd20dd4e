package org.backprop.nn.optim;

import org.backprop.nn.backend.UpdateRule;
import org.backprop.nn.optim.schedules.LearningRateSchedule;

/** Adaptive moment estimation, as Keras 3's {@code Adam}. */
public class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;

    /** Returns Adam with Keras's defaults: learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7. */
    public Adam() {
        this(0.001);
    }

    /** Returns Adam with Keras's beta1 0.9, beta2 0.999 and epsilon 1e-7. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this("adam", learningRate, beta1, beta2, epsilon);
    }

    Adam(String name, double learningRate, double beta1, double beta2, double epsilon) {
        super(name, learningRate);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
    }

    /** Returns Adam with Keras's beta1 0.9, beta2 0.999 and epsilon 1e-7, its learning rate from {@code schedule}. */
    public Adam(LearningRateSchedule schedule) {
        this("adam", schedule);
    }

    Adam(String name, LearningRateSchedule schedule) {
        super(name, schedule);
        this.beta1 = 0.9f;
        this.beta2 = 0.999f;
        this.epsilon = 1e-7f;
    }

    /** Returns the decay of the first moment, Keras's {@code beta_1}. */
    public final float beta1() {
        return beta1;
    }

    /** Returns the decay of the second moment, Keras's {@code beta_2}. */
    public final float beta2() {
        return beta2;
    }

    /** Returns the constant added to the second moment's root, Keras's {@code epsilon}. */
    public final float epsilon() {
        return epsilon;
    }

    @Override
    protected UpdateRule rule(long step) {
        double beta1Power = Math.pow(beta1, step);
        double beta2Power = Math.pow(beta2, step);
        float alpha = (float) (learningRate() * Math.sqrt(1 - beta2Power) / (1 - beta1Power));
        return UpdateRule.adam(learningRate(), beta1, beta2, epsilon, alpha, decay());
    }

    /** Returns the weight decay times the learning rate applied before each step; none for Adam. */
    float decay() {
        return 0f;
    }
}
