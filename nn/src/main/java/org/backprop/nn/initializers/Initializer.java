package org.backprop.nn.initializers;

import org.backprop.nn.Tensor;
import org.backprop.nn.random.RandomGenerator;

/** Creates a weight's first value, as Keras's initializers. */
public interface Initializer {

    /**
     * Returns a tensor of {@code shape}; {@code fanIn} and {@code fanOut} are the weight's input and output
     * sizes as Keras computes them (for a kernel {@code [in, out]}: in and out).
     */
    Tensor create(int[] shape, int fanIn, int fanOut, RandomGenerator random);

    /** Returns the initializer Keras calls {@code name}: zeros, ones, glorot_uniform, he_normal, random_normal. */
    static Initializer byName(String name) {
        switch (name) {
            case "zeros":
                return Initializers.constant(0f);
            case "ones":
                return Initializers.constant(1f);
            case "glorot_uniform":
                return Initializers.glorotUniform();
            case "he_normal":
                return Initializers.heNormal();
            case "random_normal":
                return Initializers.randomNormal(0f, 0.05f);
            default:
                throw new IllegalArgumentException("initializer must be one of zeros, ones, glorot_uniform,"
                        + " he_normal, random_normal; got \"" + name + "\"");
        }
    }
}
