package org.backprop.nn.ops;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.backend.Normalization;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.internal.TensorInternals;

/**
 * Tensor operations with gradients, as {@code keras.ops}: the closed set of primitives (matmul, batched
 * matmul, the element-wise ops, sum, reshape, transpose, concatenate, slice, gather, softmax, log-softmax,
 * convolution, pooling) and everything composed from them.
 * Each primitive's forward and backward live side by side in its own class in this package.
 */
public final class Ops {
    private Ops() {
    }

    /** Returns {@code value} recording {@code creator} when any of its inputs needs gradients. */
    static Tensor record(Tensor value, Function creator) {
        for (Tensor input : creator.inputs()) {
            if (input.requiresGrad()) {
                return TensorInternals.derived(value, creator);
            }
        }
        return value;
    }

    /** Returns a × b for a {@code [m, k]} and b {@code [k, n]}. */
    public static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() != 2 || b.rank() != 2 || a.dim(1) != b.dim(0)) {
            throw new IllegalArgumentException("matmul needs shapes (m, k) and (k, n), got "
                    + Shapes.describe(a.shape()) + " and " + Shapes.describe(b.shape()));
        }
        return MatMul.apply(a, b);
    }

    /**
     * Returns op(a) × op(b) for each pair of matrices in two batches, op transposing a matrix when asked:
     * {@code op(a)} {@code [batch, m, k]} and {@code op(b)} {@code [batch, k, n]} give {@code [batch, m, n]}.
     */
    public static Tensor batchMatmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        boolean fits = a.rank() == 3 && b.rank() == 3 && a.dim(0) == b.dim(0)
                && a.dim(transposeA ? 1 : 2) == b.dim(transposeB ? 2 : 1);
        if (!fits) {
            throw new IllegalArgumentException("batchMatmul needs shapes (batch, m, k) and (batch, k, n) after"
                    + " transposing" + (transposeA ? " a" : "") + (transposeB ? " b" : "") + ", got "
                    + Shapes.describe(a.shape()) + " and " + Shapes.describe(b.shape()));
        }
        return BatchMatMul.apply(a, transposeA, b, transposeB);
    }

    /**
     * Returns the rows of {@code table} {@code [rows, width]} named by {@code indices}, whole numbers in
     * {@code [0, rows)} held as floats in any shape {@code s}: {@code [s…, width]}. Gradients reach the table.
     */
    public static Tensor gather(Tensor table, Tensor indices) {
        if (table.rank() != 2) {
            throw new IllegalArgumentException("gather needs a table of shape (rows, width), got "
                    + Shapes.describe(table.shape()));
        }
        for (int i = 0; i < indices.size(); i++) {
            float index = indices.get(i);
            if (!(index >= 0 && index < table.dim(0) && index == Math.floor(index))) {
                throw new IllegalArgumentException("gather needs whole-number indices in [0, " + table.dim(0)
                        + "), got " + index + " at position " + position(indices.shape(), i));
            }
        }
        return Gather.apply(table, indices);
    }

    /**
     * Returns {@code indices} one-hot encoded, as {@code tf.one_hot(indices, depth)}: whole numbers held as floats in
     * any shape {@code s} give {@code [s…, depth]}, 1 at each index and 0 elsewhere; an index outside
     * {@code [0, depth)} gives a row of zeros, as in TensorFlow. Indices have no gradient, so neither has this.
     */
    public static Tensor oneHot(Tensor indices, int depth) {
        if (depth <= 0) {
            throw new IllegalArgumentException("oneHot needs a positive depth, got " + depth);
        }
        int[] shape = java.util.Arrays.copyOf(indices.shape(), indices.rank() + 1);
        shape[indices.rank()] = depth;
        float[] values = TensorInternals.values(indices);
        if ((long) values.length * depth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("oneHot of " + values.length + " indices at depth " + depth
                    + " has more than " + Integer.MAX_VALUE + " values");
        }
        float[] encoded = new float[values.length * depth];
        for (int i = 0; i < values.length; i++) {
            float index = values[i];
            if (index != Math.floor(index)) {
                throw new IllegalArgumentException("oneHot needs whole-number indices, got " + index + " at position "
                        + position(indices.shape(), i));
            }
            if (index >= 0 && index < depth) {
                encoded[i * depth + (int) index] = 1f;
            }
        }
        return TensorInternals.wrap(shape, encoded);
    }

    private static String position(int[] shape, int flat) {
        int[] position = new int[shape.length];
        int rest = flat;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            position[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        return java.util.Arrays.toString(position);
    }

    public static Tensor add(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.ADD, a, b);
    }

    public static Tensor subtract(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.SUBTRACT, a, b);
    }

    public static Tensor multiply(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.MULTIPLY, a, b);
    }

    public static Tensor divide(Tensor a, Tensor b) {
        return Binary.apply(BinaryOp.DIVIDE, a, b);
    }

    /**
     * Returns the sum of same-shaped {@code tensors}, as TensorFlow's {@code add_n}; a scalar 0 when there are none,
     * so that a custom train step can add {@code Ops.addN(model.losses())} whether or not the model has penalties.
     */
    public static Tensor addN(java.util.List<Tensor> tensors) {
        Tensor total = null;
        for (Tensor tensor : tensors) {
            total = total == null ? tensor : add(total, tensor);
        }
        return total == null ? Tensor.scalar(0f) : total;
    }

    /** Returns x · factor. */
    public static Tensor scale(Tensor x, float factor) {
        return multiply(x, Tensor.scalar(factor));
    }

    public static Tensor relu(Tensor x) {
        return Unary.apply(UnaryOp.RELU, x, 0f);
    }

    /** Returns x where x > 0, else {@code negativeSlope} · x. */
    public static Tensor leakyRelu(Tensor x, float negativeSlope) {
        return Unary.apply(UnaryOp.LEAKY_RELU, x, negativeSlope);
    }

    public static Tensor sigmoid(Tensor x) {
        return Unary.apply(UnaryOp.SIGMOID, x, 0f);
    }

    public static Tensor tanh(Tensor x) {
        return Unary.apply(UnaryOp.TANH, x, 0f);
    }

    /** Returns the exact (erf-based) GELU, Keras's default. */
    public static Tensor gelu(Tensor x) {
        return Unary.apply(UnaryOp.GELU, x, 0f);
    }

    public static Tensor exp(Tensor x) {
        return Unary.apply(UnaryOp.EXP, x, 0f);
    }

    public static Tensor log(Tensor x) {
        return Unary.apply(UnaryOp.LOG, x, 0f);
    }

    public static Tensor sqrt(Tensor x) {
        return Unary.apply(UnaryOp.SQRT, x, 0f);
    }

    public static Tensor abs(Tensor x) {
        return Unary.apply(UnaryOp.ABS, x, 0f);
    }

    public static Tensor negative(Tensor x) {
        return Unary.apply(UnaryOp.NEGATE, x, 0f);
    }

    public static Tensor square(Tensor x) {
        return Unary.apply(UnaryOp.SQUARE, x, 0f);
    }

    /** Returns the sum over {@code axes} (negative axes count from the end), keeping them as size 1. */
    public static Tensor sum(Tensor x, int... axes) {
        return Sum.apply(x, resolve(x, axes));
    }

    /** Returns the sum of all values as a scalar. */
    public static Tensor sumAll(Tensor x) {
        return reshape(sum(x, allAxes(x)), new int[0]);
    }

    /** Returns the mean over {@code axes}, keeping them as size 1. */
    public static Tensor mean(Tensor x, int... axes) {
        int[] resolved = resolve(x, axes);
        int count = 1;
        for (int axis : resolved) {
            count *= x.dim(axis);
        }
        return scale(sum(x, resolved), 1f / count);
    }

    /** Returns the mean of all values as a scalar. */
    public static Tensor meanAll(Tensor x) {
        return scale(sumAll(x), 1f / x.size());
    }

    /** Returns x viewed with {@code shape}, which must hold as many values; one dimension may be -1. */
    public static Tensor reshape(Tensor x, int[] shape) {
        int[] resolved = shape.clone();
        int unknown = -1;
        int known = 1;
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == -1 && unknown < 0) {
                unknown = i;
            } else {
                known *= resolved[i];
            }
        }
        if (unknown >= 0 && known > 0) {
            resolved[unknown] = x.size() / known;
        }
        if (Shapes.size(resolved) != x.size() || (unknown >= 0 && known * resolved[unknown] != x.size())) {
            throw new IllegalArgumentException("cannot reshape " + Shapes.describe(x.shape()) + " ("
                    + x.size() + " values) to " + java.util.Arrays.toString(shape).replace('[', '(').replace(']', ')'));
        }
        return Reshape.apply(x, resolved);
    }

    /** Returns x with its axes permuted: result axis i is input axis {@code permutation[i]}. */
    public static Tensor transpose(Tensor x, int... permutation) {
        if (permutation.length != x.rank()) {
            throw new IllegalArgumentException("permutation must name all " + x.rank() + " axes, got "
                    + java.util.Arrays.toString(permutation));
        }
        return Transpose.apply(x, permutation);
    }

    /** Returns {@code parts} joined along {@code axis} (negative counts from the end); other dimensions must agree. */
    public static Tensor concatenate(java.util.List<Tensor> parts, int axis) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("concatenate needs at least one tensor");
        }
        int rank = parts.get(0).rank();
        int resolved = axis < 0 ? rank + axis : axis;
        for (Tensor part : parts) {
            int[] a = part.shape();
            int[] b = parts.get(0).shape();
            if (a.length != rank || resolved < 0 || resolved >= rank) {
                throw new IllegalArgumentException("concatenate along axis " + axis + " needs tensors of one rank, got "
                        + Shapes.describe(a) + " and " + Shapes.describe(b));
            }
            a[resolved] = b[resolved];
            if (!Shapes.same(a, b)) {
                throw new IllegalArgumentException("concatenate along axis " + axis + " needs all other dimensions to"
                        + " agree, got " + Shapes.describe(part.shape()) + " and " + Shapes.describe(parts.get(0).shape()));
            }
        }
        return Concatenate.apply(parts, resolved);
    }

    /** Returns positions {@code [start, start + length)} of x along {@code axis} (negative counts from the end). */
    public static Tensor slice(Tensor x, int axis, int start, int length) {
        int resolved = resolve(x, new int[] {axis})[0];
        if (start < 0 || length < 0 || start + length > x.dim(resolved)) {
            throw new IllegalArgumentException("slice [" + start + ", " + (start + length) + ") is out of range"
                    + " for axis " + axis + " of shape " + Shapes.describe(x.shape()));
        }
        return Slice.apply(x, resolved, start, length);
    }

    /** Returns the softmax over the last axis. */
    public static Tensor softmax(Tensor x) {
        return Softmax.apply(x);
    }

    /** Returns log(softmax(x)) over the last axis, computed stably. */
    public static Tensor logSoftmax(Tensor x) {
        return LogSoftmax.apply(x);
    }

    /**
     * Returns the cross-entropy of softmax(logits) against {@code targets} (same shape) for each row of the last
     * axis, {@code −Σ targets · logSoftmax(logits)}, as one fused op: shape {@code [rows]}.
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, Tensor targets) {
        if (!Shapes.same(logits.shape(), targets.shape())) {
            throw new IllegalArgumentException("softmaxCrossEntropy: targets have shape "
                    + Shapes.describe(targets.shape()) + " but logits have shape " + Shapes.describe(logits.shape()));
        }
        return SoftmaxCrossEntropy.apply(logits, targets);
    }

    /**
     * Returns {@code softmax(q · kᵀ) · v} for each of a batch of attention heads, the softmax over the key steps,
     * as one fused op (scale q by 1 / √d first for scaled-dot-product attention): q {@code [batch, tq, d]},
     * k {@code [batch, tk, d]}, v {@code [batch, tk, dv]}, result {@code [batch, tq, dv]}. Gradients reach all
     * three; the {@code [batch, tq, tk]} probabilities are never kept.
     */
    public static Tensor attention(Tensor q, Tensor k, Tensor v) {
        if (q.rank() != 3 || k.rank() != 3 || v.rank() != 3 || q.dim(0) != k.dim(0) || q.dim(0) != v.dim(0)
                || q.dim(2) != k.dim(2) || k.dim(1) != v.dim(1)) {
            throw new IllegalArgumentException("attention needs q (batch, tq, d), k (batch, tk, d) and v (batch, tk,"
                    + " dv), got " + Shapes.describe(q.shape()) + ", " + Shapes.describe(k.shape()) + " and "
                    + Shapes.describe(v.shape()));
        }
        if (k.dim(1) == 0) {
            // A softmax over no keys has no value: say so rather than fail deep inside a kernel or a reduction.
            throw new IllegalArgumentException("attention needs at least one key step, got k "
                    + Shapes.describe(k.shape()));
        }
        return Attention.apply(q, k, v);
    }

    /**
     * Returns {@code activation(x · kernel + bias)} for x {@code [m, k]} as one fused op; {@code bias} may be
     * {@code null}, {@code activation} is {@code null} (linear) or one of RELU, LEAKY_RELU with a slope ≥ 0
     * ({@code parameter}), SIGMOID, TANH.
     */
    public static Tensor dense(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter) {
        if (x.rank() != 2 || kernel.rank() != 2 || x.dim(1) != kernel.dim(0)
                || (bias != null && !Shapes.same(bias.shape(), new int[] {kernel.dim(1)}))) {
            throw new IllegalArgumentException("dense needs x (m, k), kernel (k, n) and bias (n,), got "
                    + Shapes.describe(x.shape()) + ", " + Shapes.describe(kernel.shape()) + " and "
                    + (bias == null ? "no bias" : Shapes.describe(bias.shape())));
        }
        checkFusable("dense", activation, parameter);
        return FusedDense.apply(x, kernel, bias, activation, parameter);
    }

    /**
     * Returns {@code activation(conv2d(x, kernel) + bias)} as one fused op, the convolution as {@link #conv2d}
     * takes it; {@code bias} ({@code [filters]}) and {@code activation} as {@link #dense} takes them.
     */
    public static Tensor conv2d(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter,
            int strideHeight, int strideWidth, String padding) {
        checkConv2d(x, kernel);
        if (bias != null && !Shapes.same(bias.shape(), new int[] {kernel.dim(3)})) {
            throw new IllegalArgumentException("conv2d needs a bias of shape (" + kernel.dim(3) + ",), got "
                    + Shapes.describe(bias.shape()));
        }
        checkFusable("conv2d", activation, parameter);
        return FusedConv2D.apply(x, kernel, bias, activation, parameter,
                geometry(x, kernel.dim(0), kernel.dim(1), strideHeight, strideWidth, padding));
    }

    /** The fused ops read an activation's derivative from its output, which these activations allow. */
    private static void checkFusable(String op, UnaryOp activation, float parameter) {
        if (activation != null && !(activation == UnaryOp.RELU || activation == UnaryOp.SIGMOID
                || activation == UnaryOp.TANH || (activation == UnaryOp.LEAKY_RELU && parameter >= 0))) {
            throw new IllegalArgumentException(op + ": activation " + activation + " with parameter " + parameter
                    + " cannot be fused (its derivative needs the pre-activation values)");
        }
    }

    /**
     * Returns the training-mode normalisation of x (rank ≥ 1, channels = its last axis) as one fused op: y =
     * (x − mean) / sqrt(variance + epsilon) · gamma + beta with the biased mean and variance over all but the
     * last axis ({@link Normalization#BATCH}, statistics {@code [channels]}) or over the last axis
     * ({@link Normalization#LAYER}, statistics {@code [rows]}); gamma and beta {@code [channels]}. Gradients reach
     * x, gamma and beta; the returned statistics carry none.
     */
    public static Normalized normalize(Normalization kind, Tensor x, Tensor gamma, Tensor beta, float epsilon) {
        checkNormalization(x, gamma, beta);
        return Normalize.apply(kind, x, gamma, beta, epsilon);
    }

    /**
     * Returns {@code (x − mean) / sqrt(variance + epsilon) · gamma + beta} with given statistics as one fused op
     * (inference-mode batch normalisation); all four {@code [channels]}, the statistics taken as constants.
     */
    public static Tensor normalizeWith(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta,
            float epsilon) {
        checkNormalization(x, gamma, beta);
        int[] channels = gamma.shape();
        if (!Shapes.same(mean.shape(), channels) || !Shapes.same(variance.shape(), channels)) {
            throw new IllegalArgumentException("normalizeWith needs mean and variance of shape "
                    + Shapes.describe(channels) + ", got " + Shapes.describe(mean.shape()) + " and "
                    + Shapes.describe(variance.shape()));
        }
        return NormalizeWith.apply(x, mean, variance, gamma, beta, epsilon);
    }

    private static void checkNormalization(Tensor x, Tensor gamma, Tensor beta) {
        int[] channels = {x.rank() == 0 ? 0 : x.dim(-1)};
        if (x.rank() == 0 || !Shapes.same(gamma.shape(), channels) || !Shapes.same(beta.shape(), channels)) {
            throw new IllegalArgumentException("normalisation needs x (…, channels) with gamma and beta (channels,),"
                    + " got " + Shapes.describe(x.shape()) + ", " + Shapes.describe(gamma.shape()) + " and "
                    + Shapes.describe(beta.shape()));
        }
    }

    /**
     * Returns the 2-D convolution of x {@code [n, h, w, c]} with kernel {@code [kh, kw, c, f]}, with the
     * given strides and Keras padding ("valid" or "same"): {@code [n, outH, outW, f]}.
     */
    public static Tensor conv2d(Tensor x, Tensor kernel, int strideHeight, int strideWidth, String padding) {
        checkConv2d(x, kernel);
        return Convolution.apply(x, kernel, geometry(x, kernel.dim(0), kernel.dim(1), strideHeight, strideWidth,
                padding), false);
    }

    /**
     * Returns the transposed 2-D convolution of x {@code [n, h, w, c]} with kernel {@code [kh, kw, f, c]}, as
     * Keras's {@code conv_transpose}: {@code [n, outH, outW, f]} with {@code outH = h·stride + max(kh − stride, 0)}
     * for "valid" padding and {@code h·stride} for "same" (widths alike).
     */
    public static Tensor conv2dTranspose(Tensor x, Tensor kernel, int strideHeight, int strideWidth, String padding) {
        if (x.rank() != 4 || kernel.rank() != 4 || kernel.dim(3) != x.dim(3)) {
            throw new IllegalArgumentException("conv2dTranspose needs x (n, h, w, c) and kernel (kh, kw, filters, c),"
                    + " got " + Shapes.describe(x.shape()) + " and " + Shapes.describe(kernel.shape()));
        }
        if (strideHeight <= 0 || strideWidth <= 0) {
            throw new IllegalArgumentException("strides must be positive, got (" + strideHeight + ", "
                    + strideWidth + ")");
        }
        int outHeight = transposedLength(x.dim(1), kernel.dim(0), strideHeight, padding);
        int outWidth = transposedLength(x.dim(2), kernel.dim(1), strideWidth, padding);
        return TransposedConvolution.apply(x, kernel, ConvGeometry.of(outHeight, outWidth, kernel.dim(0),
                kernel.dim(1), strideHeight, strideWidth, padding));
    }

    /** Returns Keras's {@code deconv_output_length} without output padding or dilation. */
    public static int transposedLength(int length, int window, int stride, String padding) {
        return "same".equals(padding) ? length * stride : length * stride + Math.max(window - stride, 0);
    }

    private static void checkConv2d(Tensor x, Tensor kernel) {
        if (x.rank() != 4 || kernel.rank() != 4 || kernel.dim(2) != x.dim(3)) {
            throw new IllegalArgumentException("conv2d needs x (n, h, w, c) and kernel (kh, kw, c, filters), got "
                    + Shapes.describe(x.shape()) + " and " + Shapes.describe(kernel.shape()));
        }
    }

    /**
     * Returns the depthwise convolution of x {@code [n, h, w, c]} with kernel {@code [kh, kw, c, m]}:
     * {@code [n, outH, outW, c·m]}.
     */
    public static Tensor depthwiseConv2d(Tensor x, Tensor kernel, int strideHeight, int strideWidth, String padding) {
        if (x.rank() != 4 || kernel.rank() != 4 || kernel.dim(2) != x.dim(3)) {
            throw new IllegalArgumentException("depthwiseConv2d needs x (n, h, w, c) and kernel (kh, kw, c,"
                    + " multiplier), got " + Shapes.describe(x.shape()) + " and " + Shapes.describe(kernel.shape()));
        }
        return Convolution.apply(x, kernel, geometry(x, kernel.dim(0), kernel.dim(1), strideHeight, strideWidth,
                padding), true);
    }

    /** Returns the maximum of each {@code poolHeight × poolWidth} window of x {@code [n, h, w, c]}. */
    public static Tensor maxPool2d(Tensor x, int poolHeight, int poolWidth, int strideHeight, int strideWidth,
            String padding) {
        return Pooling.apply(x, geometry(x, poolHeight, poolWidth, strideHeight, strideWidth, padding), true);
    }

    /** Returns the mean of each window of x {@code [n, h, w, c]}, over the positions inside the input. */
    public static Tensor averagePool2d(Tensor x, int poolHeight, int poolWidth, int strideHeight, int strideWidth,
            String padding) {
        return Pooling.apply(x, geometry(x, poolHeight, poolWidth, strideHeight, strideWidth, padding), false);
    }

    private static ConvGeometry geometry(Tensor x, int windowHeight, int windowWidth, int strideHeight,
            int strideWidth, String padding) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException("2-D windows need inputs of shape (n, h, w, c), got "
                    + Shapes.describe(x.shape()));
        }
        if (strideHeight <= 0 || strideWidth <= 0) {
            throw new IllegalArgumentException("strides must be positive, got (" + strideHeight + ", "
                    + strideWidth + ")");
        }
        ConvGeometry geometry = ConvGeometry.of(x.dim(1), x.dim(2), windowHeight, windowWidth, strideHeight,
                strideWidth, padding);
        if (geometry.outHeight <= 0 || geometry.outWidth <= 0) {
            throw new IllegalArgumentException("a " + windowHeight + "x" + windowWidth + " window with \"" + padding
                    + "\" padding does not fit inputs of " + x.dim(1) + "x" + x.dim(2));
        }
        return geometry;
    }

    private static int[] resolve(Tensor x, int[] axes) {
        int[] resolved = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int axis = axes[i] < 0 ? x.rank() + axes[i] : axes[i];
            if (axis < 0 || axis >= x.rank()) {
                throw new IllegalArgumentException("axis " + axes[i] + " is out of range for shape "
                        + Shapes.describe(x.shape()));
            }
            resolved[i] = axis;
        }
        return resolved;
    }

    private static int[] allAxes(Tensor x) {
        int[] axes = new int[x.rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return axes;
    }
}
