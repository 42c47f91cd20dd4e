package org.backprop.nn.backend.cpu;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.BinaryOp;

/**
 * The reference attention ({@link Backend#attention}): the batched products and the softmax it stands for,
 * called in the order autograd called them when MultiHeadAttention composed them itself, so that the CPU
 * backend's results (and the goldens recorded from them) stay the same to the bit. Backward recomputes the
 * probabilities from q and k, as the fused kernels do, instead of keeping them from the forward pass.
 */
final class CpuAttention {
    private CpuAttention() {
    }

    /** Returns {output, logSumExp}; see {@link Backend#attention}. */
    static Tensor[] forward(Backend backend, Tensor q, Tensor k, Tensor v) {
        Tensor scores = backend.batchMatmul(q, false, k, true);
        Tensor output = backend.batchMatmul(backend.softmax(scores), false, v, false);
        return new Tensor[] {output, Tensor.wrap(new int[] {q.dim(0), q.dim(1)},
                logSumExpRows(scores.internalValues(), k.dim(1)))};
    }

    /**
     * Returns {dq, dk, dv}: BatchMatMul's and Softmax's backward formulas, as autograd applied them to
     * {@code batchMatmul(softmax(batchMatmul(q, false, k, true)), false, v, false)}.
     */
    static Tensor[] backward(Backend backend, Tensor q, Tensor k, Tensor v, Tensor dOutput) {
        Tensor probabilities = backend.softmax(backend.batchMatmul(q, false, k, true));
        Tensor dProbabilities = backend.batchMatmul(dOutput, false, v, true);
        Tensor dv = backend.batchMatmul(probabilities, true, dOutput, false);
        int[] rowShape = probabilities.shape();
        rowShape[2] = 1;
        Tensor rowDot = backend.reduceToShape(backend.binary(BinaryOp.MULTIPLY, dProbabilities, probabilities),
                rowShape);
        Tensor dScores = backend.binary(BinaryOp.MULTIPLY, probabilities,
                backend.binary(BinaryOp.SUBTRACT, dProbabilities, rowDot));
        Tensor dq = backend.batchMatmul(dScores, false, k, false);
        Tensor dk = backend.batchMatmul(dScores, true, q, false);
        return new Tensor[] {dq, dk, dv};
    }

    /** Returns max + log Σ exp(x − max) for each row of {@code width} values, summed in double. */
    private static float[] logSumExpRows(float[] values, int width) {
        float[] out = new float[width == 0 ? 0 : values.length / width];
        for (int row = 0; row < out.length; row++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = row * width; i < (row + 1) * width; i++) {
                max = Math.max(max, values[i]);
            }
            double sum = 0;
            for (int i = row * width; i < (row + 1) * width; i++) {
                sum += Math.exp(values[i] - max);
            }
            out[row] = (float) (max + Math.log(sum));
        }
        return out;
    }
}
