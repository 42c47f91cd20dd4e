package org.backprop.nn.backend;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * {@link Backend#attention} composed from primitives: the batched products and the softmax it stands for, called
 * in the order autograd called them when MultiHeadAttention composed them itself, so that the CPU backend's
 * results (and the goldens recorded from them) stay the same to the bit. The CPU backend's attention, and the
 * WebGPU backend's for widths its fused kernels do not take. Backward recomputes the probabilities from q and
 * k instead of keeping them from the forward pass, as the fused kernels do.
 */
public final class ComposedAttention {
    private ComposedAttention() {
    }

    /**
     * Returns {output, logSumExp}; see {@link Backend#attention}. The log-sum-exp of row i is
     * {@code s[i, 0] − logSoftmax(s)[i, 0]}, exact up to the rounding of {@code s[i, 0] − max_j s[i, j]}.
     */
    public static Tensor[] forward(Backend backend, Tensor q, Tensor k, Tensor v) {
        Tensor scores = backend.batchMatmul(q, false, k, true);
        Tensor output = backend.batchMatmul(backend.softmax(scores), false, v, false);
        Tensor logSumExp = backend.binary(BinaryOp.SUBTRACT, backend.slice(scores, 2, 0, 1),
                backend.slice(backend.logSoftmax(scores), 2, 0, 1));
        return new Tensor[] {output, TensorInternals.reshaped(logSumExp, new int[] {q.dim(0), q.dim(1)})};
    }

    /**
     * Returns {dq, dk, dv}: BatchMatMul's and Softmax's backward formulas, as autograd applied them to
     * {@code batchMatmul(softmax(batchMatmul(q, false, k, true)), false, v, false)}.
     */
    public static Tensor[] backward(Backend backend, Tensor q, Tensor k, Tensor v, Tensor dOutput) {
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
}
