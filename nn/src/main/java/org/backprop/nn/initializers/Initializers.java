package org.backprop.nn.initializers;

import java.util.Arrays;
import org.backprop.nn.Shapes;
import org.backprop.nn.internal.TensorInternals;

/** Keras's initializers with Keras's formulas. */
public final class Initializers {
    private Initializers() {
    }

    /** Every value {@code value}. */
    public static Initializer constant(float value) {
        return (shape, fanIn, fanOut, random) -> {
            float[] values = new float[Shapes.size(shape)];
            Arrays.fill(values, value);
            return TensorInternals.wrap(shape.clone(), values);
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
            return TensorInternals.wrap(shape.clone(), values);
        };
    }

    /** Uniform in [min, max), as Keras's {@code RandomUniform} (Embedding's "uniform" is ±0.05). */
    public static Initializer randomUniform(float min, float max) {
        return (shape, fanIn, fanOut, random) -> {
            float[] values = new float[Shapes.size(shape)];
            for (int i = 0; i < values.length; i++) {
                values[i] = min + (max - min) * random.nextFloat();
            }
            return TensorInternals.wrap(shape.clone(), values);
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
            return TensorInternals.wrap(shape.clone(), values);
        };
    }

    /**
     * A matrix with orthonormal rows or columns (whichever are fewer), as Keras's {@code Orthogonal}: the Q of
     * the QR decomposition of a standard normal {@code [max, min]} matrix, transposed when the shape is wide.
     * Shapes of higher rank are treated as {@code [product of all but the last, last]}.
     */
    public static Initializer orthogonal() {
        return (shape, fanIn, fanOut, random) -> {
            int columns = shape[shape.length - 1];
            int rows = Shapes.size(shape) / columns;
            int tall = Math.max(rows, columns);
            int narrow = Math.min(rows, columns);
            double[][] q = new double[narrow][tall];
            for (int j = 0; j < narrow; j++) {
                for (int i = 0; i < tall; i++) {
                    q[j][i] = random.nextGaussian();
                }
                orthonormalize(q, j);
            }
            float[] values = new float[rows * columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    values[r * columns + c] = (float) (rows >= columns ? q[c][r] : q[r][c]);
                }
            }
            return TensorInternals.wrap(shape.clone(), values);
        };
    }

    /**
     * Makes vector {@code j} orthogonal to vectors 0 … j − 1 and of unit length (modified Gram–Schmidt, whose
     * R has a positive diagonal, so no sign correction is needed).
     */
    private static void orthonormalize(double[][] vectors, int j) {
        double[] v = vectors[j];
        for (int k = 0; k < j; k++) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += v[i] * vectors[k][i];
            }
            for (int i = 0; i < v.length; i++) {
                v[i] -= dot * vectors[k][i];
            }
        }
        double norm = 0;
        for (double value : v) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
    }

    /** Normal with the given mean and standard deviation. */
    public static Initializer randomNormal(float mean, float stddev) {
        return (shape, fanIn, fanOut, random) -> {
            float[] values = new float[Shapes.size(shape)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (mean + stddev * random.nextGaussian());
            }
            return TensorInternals.wrap(shape.clone(), values);
        };
    }
}
