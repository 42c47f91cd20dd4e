package org.backprop.nn.backend;

/**
 * One optimizer step as numbers a backend can apply to every weight at once: which Keras 3 formula, and its
 * coefficients for this step (the optimizer works out step-dependent ones, like Adam's bias-corrected step
 * size, in double precision before handing them over, so every backend uses the same float values).
 *
 * <p>Slots are the per-weight state the formula keeps: none for plain SGD, the velocity for momentum SGD and
 * RMSprop, the first and second moments for Adam and AdamW. Immutable.
 */
public final class UpdateRule {

    /** The formulas, as Keras 3 writes them. */
    public enum Kind {
        /** w −= lr·g. */
        SGD(0),
        /** v = μ·v − lr·g; w += v. */
        SGD_MOMENTUM(1),
        /** v = μ·v − lr·g; w += μ·v − lr·g. */
        SGD_NESTEROV(1),
        /** v = ρ·v + (1−ρ)·g²; w −= lr·g / √(v + ε). */
        RMSPROP(1),
        /** m += (g − m)(1−β₁); v += (g² − v)(1−β₂); w −= α·m / (√v + ε). */
        ADAM(2),
        /** w −= w·decay, then the Adam step. */
        ADAMW(2);

        private final int slots;

        Kind(int slots) {
            this.slots = slots;
        }

        /** Returns how many state tensors the formula keeps per weight. */
        public int slots() {
            return slots;
        }
    }

    private final Kind kind;
    private final float learningRate;
    private final float momentum;
    private final float rho;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float alpha;
    private final float decay;

    private UpdateRule(Kind kind, float learningRate, float momentum, float rho, float beta1, float beta2,
            float epsilon, float alpha, float decay) {
        this.kind = kind;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.rho = rho;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.alpha = alpha;
        this.decay = decay;
    }

    /** Returns plain or momentum SGD; {@code momentum} 0 means plain. */
    public static UpdateRule sgd(float learningRate, float momentum, boolean nesterov) {
        Kind kind = momentum == 0 ? Kind.SGD : nesterov ? Kind.SGD_NESTEROV : Kind.SGD_MOMENTUM;
        return new UpdateRule(kind, learningRate, momentum, 0, 0, 0, 0, 0, 0);
    }

    /** Returns RMSprop's step. */
    public static UpdateRule rmsprop(float learningRate, float rho, float epsilon) {
        return new UpdateRule(Kind.RMSPROP, learningRate, 0, rho, 0, 0, epsilon, 0, 0);
    }

    /**
     * Returns Adam's step ({@code decay} 0) or AdamW's; {@code alpha} is this step's bias-corrected step size
     * and {@code decay} the weight decay already multiplied by the learning rate.
     */
    public static UpdateRule adam(float learningRate, float beta1, float beta2, float epsilon, float alpha,
            float decay) {
        return new UpdateRule(decay == 0 ? Kind.ADAM : Kind.ADAMW, learningRate, 0, 0, beta1, beta2, epsilon,
                alpha, decay);
    }

    public Kind kind() {
        return kind;
    }

    public float learningRate() {
        return learningRate;
    }

    public float momentum() {
        return momentum;
    }

    public float rho() {
        return rho;
    }

    public float beta1() {
        return beta1;
    }

    public float beta2() {
        return beta2;
    }

    public float epsilon() {
        return epsilon;
    }

    /** Returns Adam's bias-corrected step size for this step. */
    public float alpha() {
        return alpha;
    }

    /** Returns AdamW's weight decay times the learning rate. */
    public float decay() {
        return decay;
    }
}
