package org.backprop.nn.backend.cpu;

import org.backprop.nn.backend.UpdateRule;

/** The optimizer formulas of {@link UpdateRule}, element by element, updating arrays in place. */
final class OptimizerKernels {
    private OptimizerKernels() {
    }

    /** Moves {@code w} by {@code g} and advances {@code slots}, as {@code rule} says. */
    static void apply(UpdateRule rule, float[] w, float[] g, float[][] slots) {
        switch (rule.kind()) {
            case SGD:
                sgd(rule, w, g);
                break;
            case SGD_MOMENTUM:
            case SGD_NESTEROV:
                momentum(rule, w, g, slots[0]);
                break;
            case RMSPROP:
                rmsprop(rule, w, g, slots[0]);
                break;
            case ADAMW:
                for (int i = 0; i < w.length; i++) {
                    w[i] -= w[i] * rule.decay();
                }
                adam(rule, w, g, slots[0], slots[1]);
                break;
            case ADAM:
                adam(rule, w, g, slots[0], slots[1]);
                break;
            default:
                throw new IllegalArgumentException("unknown update rule " + rule.kind());
        }
    }

    private static void sgd(UpdateRule rule, float[] w, float[] g) {
        float lr = rule.learningRate();
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * g[i];
        }
    }

    private static void momentum(UpdateRule rule, float[] w, float[] g, float[] velocity) {
        float lr = rule.learningRate();
        float momentum = rule.momentum();
        boolean nesterov = rule.kind() == UpdateRule.Kind.SGD_NESTEROV;
        for (int i = 0; i < w.length; i++) {
            velocity[i] = momentum * velocity[i] - lr * g[i];
            w[i] += nesterov ? momentum * velocity[i] - lr * g[i] : velocity[i];
        }
    }

    private static void rmsprop(UpdateRule rule, float[] w, float[] g, float[] velocity) {
        float lr = rule.learningRate();
        float rho = rule.rho();
        float epsilon = rule.epsilon();
        for (int i = 0; i < w.length; i++) {
            velocity[i] = rho * velocity[i] + (1 - rho) * g[i] * g[i];
            // Keras 3 adds epsilon inside the square root.
            w[i] -= lr * g[i] / (float) Math.sqrt(velocity[i] + epsilon);
        }
    }

    private static void adam(UpdateRule rule, float[] w, float[] g, float[] m, float[] v) {
        float oneMinusBeta1 = 1 - rule.beta1();
        float oneMinusBeta2 = 1 - rule.beta2();
        float alpha = rule.alpha();
        float epsilon = rule.epsilon();
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            m[i] += (gi - m[i]) * oneMinusBeta1;
            v[i] += (gi * gi - v[i]) * oneMinusBeta2;
            w[i] -= m[i] * alpha / ((float) Math.sqrt(v[i]) + epsilon);
        }
    }
}
