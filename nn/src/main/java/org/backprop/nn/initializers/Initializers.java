package org.backprop.nn.initializers;

import java.util.Arrays;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;

/** Keras's initializers with Keras's formulas. */
public final class Initializers {
    private Initializers() {
    }

    /** Every value {@code value}. */
    public static Initializer constant(float value) {
        return (shape, fanIn, fanOut, random) -> {
            float[] values = new float[Shapes.size(shape)];
            Arrays.fill(values, value);
            return Tensor.wrap(shape.clone(), values);
        };
    }

    /** Uniform in ±sqrt(6 / (fanIn + fanOut)). */
    public static Initializer glorotUniform() {
        return (shape, fanIn, fanOut, random) -> {
            float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
            float[] values = new float[Shapes.size(shape)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (random.nextFloat() * 2f - 1f) * limit;
            }
            return Tensor.wrap(shape.clone(), values);
        };
    }

    /**
     * Truncated normal (redrawn beyond two standard deviations) whose variance is 2 / fanIn; as in Keras,
     * the stddev is divided by 0.8796…, the stddev of a standard normal truncated at ±2.
     */
    public static Initializer heNormal() {
        return (shape, fanIn, fanOut, random) -> {
            double stddev = Math.sqrt(2.0 / fanIn) / 0.87962566103423978;
            float[] values = new float[Shapes.size(shape)];
            for (int i = 0; i < values.length; i++) {
                double z;
                do {
                    z = random.nextGaussian();
                } while (Math.abs(z) > 2);
                values[i] = (float) (z * stddev);
            }
            return Tensor.wrap(shape.clone(), values);
        };
    }

    /** Normal with the given mean and standard deviation. */
    public static Initializer randomNormal(float mean, float stddev) {
        return (shape, fanIn, fanOut, random) -> {
            float[] values = new float[Shapes.size(shape)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (mean + stddev * random.nextGaussian());
            }
            return Tensor.wrap(shape.clone(), values);
        };
    }
}
