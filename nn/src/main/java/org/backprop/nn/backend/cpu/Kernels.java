package org.backprop.nn.backend.cpu;

import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.UnaryOp;

/** The scalar formulas and array loops of the CPU backend, one place for the math. */
final class Kernels {
    private static final float SQRT_2 = (float) Math.sqrt(2.0);
    private static final float INV_SQRT_2PI = (float) (1.0 / Math.sqrt(2.0 * Math.PI));
    /** Rows of the right operand processed together; keeps a block of it in cache across rows. */
    private static final int K_BLOCK = 128;
    /** Below this many multiply-adds a product is not worth handing to other threads. */
    private static final long PARALLEL_WORK = 1L << 18;
    /** The fixed number of row blocks a large product is cut into, whatever the number of cores. */
    private static final int ROW_BLOCKS = 8;

    private Kernels() {
    }

    static float apply(BinaryOp op, float a, float b) {
        switch (op) {
            case ADD:
                return a + b;
            case SUBTRACT:
                return a - b;
            case MULTIPLY:
                return a * b;
            case DIVIDE:
                return a / b;
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
    }

    static float apply(UnaryOp op, float x, float parameter) {
        switch (op) {
            case RELU:
                return x > 0 ? x : 0f;
            case LEAKY_RELU:
                return x > 0 ? x : parameter * x;
            case SIGMOID:
                return (float) (1.0 / (1.0 + Math.exp(-x)));
            case TANH:
                return (float) Math.tanh(x);
            case GELU:
                return 0.5f * x * (1f + erf(x / SQRT_2));
            case EXP:
                return (float) Math.exp(x);
            case LOG:
                return (float) Math.log(x);
            case SQRT:
                return (float) Math.sqrt(x);
            case ABS:
                return Math.abs(x);
            case NEGATE:
                return -x;
            case SQUARE:
                return x * x;
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
    }

    /** Returns d op(x) / dx, from whichever of x and y = op(x) is cheaper. */
    static float derivative(UnaryOp op, float x, float y, float parameter) {
        switch (op) {
            case RELU:
                return x > 0 ? 1f : 0f;
            case LEAKY_RELU:
                return x > 0 ? 1f : parameter;
            case SIGMOID:
                return y * (1f - y);
            case TANH:
                return 1f - y * y;
            case GELU:
                return 0.5f * (1f + erf(x / SQRT_2)) + x * INV_SQRT_2PI * (float) Math.exp(-0.5 * x * x);
            case EXP:
                return y;
            case LOG:
                return 1f / x;
            case SQRT:
                return 0.5f / y;
            case ABS:
                return x > 0 ? 1f : x < 0 ? -1f : 0f;
            case NEGATE:
                return -1f;
            case SQUARE:
                return 2f * x;
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
    }

    /** Returns erf(x), which Java lacks, from Numerical Recipes' erfc fit (fractional error below 1.2e-7). */
    static float erf(float x) {
        double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
        double y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return (float) (x >= 0 ? 1.0 - y : y - 1.0);
    }

    /**
     * Returns left[m, k] × right[k, n], blocked over k so a slab of {@code right} stays in cache; large products
     * are cut into fixed blocks of rows that {@code parallelism} may run at once.
     */
    static float[] matmul(float[] left, float[] right, int m, int k, int n, Parallelism parallelism) {
        float[] out = new float[m * n];
        long work = (long) m * k * n;
        int blocks = work < PARALLEL_WORK ? 1 : Math.min(m, ROW_BLOCKS);
        parallelism.forEach(blocks, block -> matmulRows(left, right, out, block * m / blocks,
                (block + 1) * m / blocks, k, n));
        return out;
    }

    private static void matmulRows(float[] left, float[] right, float[] out, int rowFrom, int rowTo, int k, int n) {
        for (int k0 = 0; k0 < k; k0 += K_BLOCK) {
            int k1 = Math.min(k, k0 + K_BLOCK);
            for (int i = rowFrom; i < rowTo; i++) {
                int outRow = i * n;
                int leftRow = i * k;
                for (int p = k0; p < k1; p++) {
                    float a = left[leftRow + p];
                    if (a == 0f) {
                        continue;
                    }
                    int rightRow = p * n;
                    for (int j = 0; j < n; j++) {
                        out[outRow + j] += a * right[rightRow + j];
                    }
                }
            }
        }
    }

    /** Returns the (log-)softmax of each row of length {@code width}, subtracting the row maximum first. */
    static float[] softmaxRows(float[] in, int width, boolean log) {
        float[] out = new float[in.length];
        for (int row = 0; row < in.length; row += width) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = row; i < row + width; i++) {
                max = Math.max(max, in[i]);
            }
            double sum = 0;
            for (int i = row; i < row + width; i++) {
                sum += Math.exp(in[i] - max);
            }
            if (log) {
                float logSum = (float) Math.log(sum);
                for (int i = row; i < row + width; i++) {
                    out[i] = in[i] - max - logSum;
                }
            } else {
                for (int i = row; i < row + width; i++) {
                    out[i] = (float) (Math.exp(in[i] - max) / sum);
                }
            }
        }
        return out;
    }

    /** Returns −Σ targets · logSoftmax(logits) for each row of length {@code width}. */
    static float[] softmaxCrossEntropyRows(float[] logits, float[] targets, int width) {
        float[] logProbabilities = softmaxRows(logits, width, true);
        float[] losses = new float[logits.length / width];
        for (int row = 0; row < losses.length; row++) {
            float sum = 0;
            for (int i = row * width; i < (row + 1) * width; i++) {
                sum += targets[i] * logProbabilities[i];
            }
            losses[row] = -sum;
        }
        return losses;
    }

    /** Returns (Σ targets · softmax(logits) − targets) · dLoss[row] for each row of length {@code width}. */
    static float[] softmaxCrossEntropyGradient(float[] logits, float[] targets, float[] dLoss, int width) {
        float[] out = softmaxRows(logits, width, false);
        for (int row = 0; row < dLoss.length; row++) {
            float targetSum = 0;
            for (int i = row * width; i < (row + 1) * width; i++) {
                targetSum += targets[i];
            }
            for (int i = row * width; i < (row + 1) * width; i++) {
                out[i] = (targetSum * out[i] - targets[i]) * dLoss[row];
            }
        }
        return out;
    }
}
