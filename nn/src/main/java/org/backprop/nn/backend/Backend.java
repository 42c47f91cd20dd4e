package org.backprop.nn.backend;

import java.util.List;
import org.backprop.nn.Tensor;

/**
 * The primitive kernels every backend implements, forward and the backward pieces autograd needs. The
 * pure-Java CPU backend is the reference; the WebGPU backend (module {@code web}) must match it op by op.
 *
 * <p>Kernels compute values only: recording the graph for gradients is the job of
 * {@link org.backprop.nn.ops.Ops}. Callers check shapes first, so kernels may assume valid ones.
 *
 * <p>A backend with device memory frees what a step used when the step ends ({@link #beginStep},
 * {@link #endStep}); tensors that must live longer, like weights and optimizer state, are retained. The CPU
 * backend leaves memory to the garbage collector and ignores these calls.
 */
public interface Backend {

    /** Returns a short name for run records and messages, e.g. {@code "cpu"} or {@code "webgpu"}. */
    String name();

    /** Returns what the backend runs on, for run records, e.g. "SwiftShader driver 5.0.0"; the name by default. */
    default String device() {
        return name();
    }

    /**
     * Returns the matrix product of two rank-2 tensors, either transposed first: {@code op(a)} is
     * {@code [m, k]}, {@code op(b)} is {@code [k, n]}, the result {@code [m, n]}.
     */
    Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB);

    /**
     * Applies one optimizer step to every weight at once and returns, for each weight, its new value followed
     * by its new slots ({@link UpdateRule.Kind#slots()} of them, in the order given). {@code slots.get(i)}
     * holds weight i's current slots.
     */
    List<Tensor[]> applyUpdates(UpdateRule rule, List<Tensor> weights, List<Tensor> gradients, List<Tensor[]> slots);

    /** Starts a step (a training step, or one batch of evaluate or predict): its tensors are the step's. */
    default void beginStep() {
    }

    /**
     * Ends the step: its work is submitted and the device memory of its tensors that nothing retained is
     * freed. Reading a freed tensor that was never copied to the host fails with a message that says so.
     */
    default void endStep() {
    }

    /** Keeps {@code tensor}'s device memory beyond the current step, until as many {@link #release} calls. */
    default void retain(Tensor tensor) {
    }

    /** Undoes one {@link #retain}; memory nothing retains any more is freed when the current step ends. */
    default void release(Tensor tensor) {
    }

    /**
     * Copies the values of all {@code tensors} to host memory in one transfer, so that reading them one by one
     * afterwards waits on the device once instead of once per tensor.
     */
    default void fetch(List<Tensor> tensors) {
    }

    /**
     * Returns the matrix product of each pair of matrices in two rank-3 batches, either transposed first:
     * {@code op(a)} is {@code [batch, m, k]}, {@code op(b)} is {@code [batch, k, n]}, the result
     * {@code [batch, m, n]}.
     */
    Tensor batchMatmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB);

    /**
     * Returns the rows of {@code table} {@code [rows, width]} that {@code indices} name: {@code indices} holds
     * whole numbers in {@code [0, rows)} in any shape {@code s}, the result has shape {@code [s…, width]}.
     */
    Tensor gather(Tensor table, Tensor indices);

    /**
     * Returns the gradient of {@link #gather} with respect to its table: a {@code [rows, width]} tensor whose
     * row r sums the rows of {@code updates} {@code [s…, width]} at the positions where {@code indices}
     * {@code [s…]} holds r.
     */
    Tensor scatterAddRows(Tensor updates, Tensor indices, int rows);

    /** Returns {@code op(a, b)} element by element, broadcasting NumPy style. */
    Tensor binary(BinaryOp op, Tensor a, Tensor b);

    /** Returns {@code op(x)} element by element; {@code parameter} is used by parameterised ops. */
    Tensor unary(UnaryOp op, Tensor x, float parameter);

    /**
     * Returns the gradient with respect to {@code x} of {@code y = op(x)}, given {@code dy}; ops use
     * whichever of {@code x} and {@code y} gives the cheaper formula.
     */
    Tensor unaryBackward(UnaryOp op, Tensor x, Tensor y, Tensor dy, float parameter);

    /**
     * Returns a dropout mask of {@code shape}: value i (row-major) is 0 where the i-th
     * {@link org.backprop.nn.random.RandomGenerator#nextFloat} of a generator constructed with {@code state} is
     * below {@code rate}, and {@code 1 / (1 − rate)} elsewhere. Every backend gives the same values bit for
     * bit; {@link org.backprop.nn.random.RandomGenerator#skip} hands out the state and moves past the draws.
     */
    Tensor dropoutMask(long state, int[] shape, float rate);

    /**
     * Returns each image of {@code images} {@code [batch, h, w, c]} resampled through its own affine transform,
     * without gradient (for augmentation). {@code transforms} holds 6 values per image, {@code {a, b, tx, c, d,
     * ty}}: output pixel (x, y), measured from the image centre, samples the input at x' = a·x + b·y + tx,
     * y' = c·x + d·y + ty (also from the centre), bilinearly, positions outside the image reflected back in.
     */
    Tensor transformImages(Tensor images, double[] transforms);

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

    /**
     * Returns the cross-entropy of softmax(logits) against {@code targets} (the same shape) for each row of the
     * last axis, {@code −Σ_j targets[j] · logSoftmax(logits)[j]}: shape {@code [rows]}. One fused op, so that a
     * classifier's loss needs neither the probabilities nor their logarithm as tensors.
     */
    Tensor softmaxCrossEntropy(Tensor logits, Tensor targets);

    /**
     * Returns d loss / d logits of {@link #softmaxCrossEntropy} given {@code dLoss} {@code [rows]}:
     * {@code (Σ_j targets[j] · softmax(logits) − targets) · dLoss} row by row.
     */
    Tensor softmaxCrossEntropyBackward(Tensor logits, Tensor targets, Tensor dLoss);

    /**
     * Returns {@code activation(x · kernel + bias)} for x {@code [m, k]}, kernel {@code [k, n]}, bias {@code [n]}
     * or {@code null}, in one fused op (a Dense layer's forward). {@code activation} is {@code null} (linear) or
     * one whose derivative the output alone determines, so the backward pass needs no pre-activation tensor:
     * {@link UnaryOp#RELU}, {@link UnaryOp#LEAKY_RELU} with a slope ≥ 0 ({@code parameter}), {@link UnaryOp#SIGMOID}
     * or {@link UnaryOp#TANH}. The result equals {@code unary(activation, binary(ADD, matmul(x, kernel), bias))}.
     */
    Tensor dense(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter);

    /**
     * Returns {@code {y, mean, variance}} of a training-mode normalisation of x (any rank ≥ 1, viewed as
     * {@code [rows, channels]}): the biased mean and variance over what {@code kind} names (shape
     * {@code [channels]} or {@code [rows]}), and {@code y = (x − mean) / sqrt(variance + epsilon) · gamma + beta}
     * with gamma and beta {@code [channels]}. The variance is the mean of the squared deviations from the mean,
     * never E[x²] − E[x]², which loses every digit when the mean is large next to the spread.
     */
    Tensor[] normalize(Normalization kind, Tensor x, Tensor gamma, Tensor beta, float epsilon);

    /**
     * Returns {@code {dx, dgamma, dbeta}} of {@link #normalize} given dy (x's shape) and the statistics it
     * returned: with x̂ = (x − mean) / sqrt(variance + epsilon) and sums over what {@code kind} reduces,
     * dgamma = Σ_rows dy · x̂, dbeta = Σ_rows dy ({@code [channels]}) and dx = (1 / sqrt(variance + epsilon)) / N
     * · (N · g − Σ g − x̂ · Σ g · x̂) with g = dy · gamma and N the count each statistic covers.
     */
    Tensor[] normalizeBackward(Normalization kind, Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor dy,
            float epsilon);

    /**
     * Returns {@code (x − mean) / sqrt(variance + epsilon) · gamma + beta} with given per-channel statistics, all
     * four {@code [channels]} (inference-mode batch normalisation with the moving averages).
     */
    Tensor normalizeWith(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta, float epsilon);

    /**
     * Returns scaled-dot-product attention without the scaling (callers scale q): for each of {@code batch}
     * heads, {@code output = softmax(q · kᵀ) · v} with the softmax over the key steps, as one fused op. q is
     * {@code [batch, tq, d]}, k {@code [batch, tk, d]}, v {@code [batch, tk, dv]}; returns {output
     * {@code [batch, tq, dv]}, logSumExp {@code [batch, tq]}}, logSumExp being {@code log Σ_j exp((q · kᵀ)[i, j])}
     * per query row, computed stably: with it {@link #attentionBackward} recomputes the probabilities instead of
     * keeping the {@code [batch, tq, tk]} matrix. The output equals
     * {@code batchMatmul(softmax(batchMatmul(q, false, k, true)), false, v, false)}.
     */
    Tensor[] attention(Tensor q, Tensor k, Tensor v);

    /**
     * Returns {dq, dk, dv} of {@link #attention} given what its forward returned and {@code dOutput}: with
     * P = softmax(q · kᵀ), dv = Pᵀ · dO, dP = dO · vᵀ, dS = P ∘ (dP − rowsum(dO ∘ output)), dq = dS · k,
     * dk = dSᵀ · q.
     */
    Tensor[] attentionBackward(Tensor q, Tensor k, Tensor v, Tensor output, Tensor logSumExp, Tensor dOutput);

    /** Returns the tensors joined along {@code axis}; all other dimensions agree. */
    Tensor concatenate(java.util.List<Tensor> parts, int axis);

    /** Returns positions {@code [start, start + length)} of {@code x} along {@code axis}. */
    Tensor slice(Tensor x, int axis, int start, int length);

    /**
     * Returns the 2-D convolution (cross-correlation, as Keras) of x {@code [n, h, w, c]} with kernel
     * {@code [kh, kw, c, f]}: {@code [n, outH, outW, f]}.
     */
    Tensor conv2d(Tensor x, Tensor kernel, ConvGeometry geometry);

    /**
     * Returns {@code activation(conv2d(x, kernel) + bias)} in one fused op (a Conv2D layer's forward): bias
     * {@code [f]} or {@code null}, activation as {@link #dense} takes it. The result equals
     * {@code unary(activation, binary(ADD, conv2d(x, kernel), bias))}.
     */
    Tensor conv2dBiasActivation(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter,
            ConvGeometry geometry);

    /** Returns d loss / d x of {@link #conv2d} given dy {@code [n, outH, outW, f]}; x has {@code inputShape}. */
    Tensor conv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry geometry);

    /** Returns d loss / d kernel of {@link #conv2d} given dy; the kernel has {@code kernelShape}. */
    Tensor conv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry geometry);

    /**
     * Returns the depthwise convolution of x {@code [n, h, w, c]} with kernel {@code [kh, kw, c, m]}: each
     * channel convolved with its own m filters, output {@code [n, outH, outW, c·m]} (channel-major, as Keras).
     */
    Tensor depthwiseConv2d(Tensor x, Tensor kernel, ConvGeometry geometry);

    /** Returns d loss / d x of {@link #depthwiseConv2d}. */
    Tensor depthwiseConv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry geometry);

    /** Returns d loss / d kernel of {@link #depthwiseConv2d}. */
    Tensor depthwiseConv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry geometry);

    /** Returns the maximum of each window of x {@code [n, h, w, c]}, per channel. */
    Tensor maxPool2d(Tensor x, ConvGeometry geometry);

    /** Returns d loss / d x of {@link #maxPool2d}: each window's gradient goes to its (first) maximum. */
    Tensor maxPool2dBackward(Tensor x, Tensor dy, ConvGeometry geometry);

    /** Returns the mean of each window of x, counting only positions inside the input (TensorFlow's rule). */
    Tensor averagePool2d(Tensor x, ConvGeometry geometry);

    /** Returns d loss / d x of {@link #averagePool2d}; x has {@code inputShape}. */
    Tensor averagePool2dBackward(Tensor dy, int[] inputShape, ConvGeometry geometry);
}
