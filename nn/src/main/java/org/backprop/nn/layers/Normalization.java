package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** The normalisation both BatchNormalization and LayerNormalization compute, from primitives. */
final class Normalization {
    private Normalization() {
    }

    /** Returns (x − mean) / sqrt(variance + epsilon) · gamma + beta, gamma and beta over the last axis. */
    static Tensor normalize(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta, float epsilon) {
        Tensor centered = Ops.subtract(x, mean);
        Tensor scaled = Ops.divide(centered, Ops.sqrt(Ops.add(variance, Tensor.scalar(epsilon))));
        return Ops.add(Ops.multiply(scaled, gamma), beta);
    }

    /** Returns the axes of x other than the last. */
    static int[] allButLast(Tensor x) {
        int[] axes = new int[x.rank() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return axes;
    }
}
