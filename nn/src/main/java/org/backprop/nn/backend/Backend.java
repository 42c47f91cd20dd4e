package org.backprop.nn.backend;

import org.backprop.nn.Tensor;

/**
 * The primitive kernels every backend implements, forward and the backward pieces autograd needs. The
 * pure-Java CPU backend is the reference; the WebGPU backend (module {@code web}) must match it op by op.
 *
 * <p>Kernels compute values only: recording the graph for gradients is the job of
 * {@link org.backprop.nn.ops.Ops}. Callers check shapes first, so kernels may assume valid ones.
 */
public interface Backend {

    /** Returns a short name for run records and messages, e.g. {@code "cpu"} or {@code "webgpu"}. */
    String name();

    /**
     * Returns the matrix product of two rank-2 tensors, either transposed first: {@code op(a)} is
     * {@code [m, k]}, {@code op(b)} is {@code [k, n]}, the result {@code [m, n]}.
     */
    Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB);

    /** Returns {@code op(a, b)} element by element, broadcasting NumPy style. */
    Tensor binary(BinaryOp op, Tensor a, Tensor b);

    /** Returns {@code op(x)} element by element; {@code parameter} is used by parameterised ops. */
    Tensor unary(UnaryOp op, Tensor x, float parameter);

    /**
     * Returns the gradient with respect to {@code x} of {@code y = op(x)}, given {@code dy}; ops use
     * whichever of {@code x} and {@code y} gives the cheaper formula.
     */
    Tensor unaryBackward(UnaryOp op, Tensor x, Tensor y, Tensor dy, float parameter);

    /** Returns {@code x} summed over its broadcast dimensions so that it has {@code shape}. */
    Tensor reduceToShape(Tensor x, int[] shape);

    /** Returns {@code x} repeated along its size-1 (or missing leading) dimensions up to {@code shape}. */
    Tensor broadcastTo(Tensor x, int[] shape);

    /** Returns {@code x} with its axes permuted: result axis {@code i} is input axis {@code permutation[i]}. */
    Tensor transpose(Tensor x, int[] permutation);

    /** Returns the softmax over the last axis. */
    Tensor softmax(Tensor x);

    /** Returns the log of the softmax over the last axis, computed stably. */
    Tensor logSoftmax(Tensor x);
}
