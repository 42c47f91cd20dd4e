package org.backprop.nn.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.ComposedAttention;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.backend.Normalization;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.backend.UpdateRule;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.random.RandomGenerator;

/**
 * The reference backend in pure Java; every other backend is tested against it. Hot loops work on the
 * tensors' arrays and allocate only their results. Single-threaded by default, which is what runs under
 * TeaVM; on the JVM, {@link #multiThreaded()} spreads convolutions and large matrix products over the cores
 * with the same results.
 */
public class CpuBackend implements Backend {
    private final Parallelism parallelism;

    /** Returns the single-threaded backend. */
    public CpuBackend() {
        this(Parallelism.SEQUENTIAL);
    }

    protected CpuBackend(Parallelism parallelism) {
        this.parallelism = parallelism;
    }

    /** Returns a backend that uses every core of the JVM; not for programs compiled by TeaVM. */
    public static CpuBackend multiThreaded() {
        return new CpuBackend(new JvmThreads());
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        int m = transposeA ? a.dim(1) : a.dim(0);
        int k = transposeA ? a.dim(0) : a.dim(1);
        int n = transposeB ? b.dim(0) : b.dim(1);
        float[] aValues = TensorInternals.values(a);
        float[] bValues = TensorInternals.values(b);
        float[] left = transposeA ? transpose2d(aValues, a.dim(0), a.dim(1)) : aValues;
        float[] right = transposeB ? transpose2d(bValues, b.dim(0), b.dim(1)) : bValues;
        return TensorInternals.wrap(new int[] {m, n}, Kernels.matmul(left, right, m, k, n, parallelism));
    }

    @Override
    public List<Tensor[]> applyUpdates(UpdateRule rule, List<Tensor> weights,
            List<Tensor> gradients, List<Tensor[]> slots) {
        List<Tensor[]> updated = new ArrayList<>(weights.size());
        for (int i = 0; i < weights.size(); i++) {
            Tensor weight = weights.get(i);
            float[] values = weight.toArray();
            float[][] state = new float[slots.get(i).length][];
            for (int s = 0; s < state.length; s++) {
                state[s] = slots.get(i)[s].toArray();
            }
            OptimizerKernels.apply(rule, values, TensorInternals.values(gradients.get(i)), state);
            Tensor[] results = new Tensor[1 + state.length];
            results[0] = TensorInternals.wrap(weight.shape(), values);
            for (int s = 0; s < state.length; s++) {
                results[1 + s] = TensorInternals.wrap(weight.shape(), state[s]);
            }
            updated.add(results);
        }
        return updated;
    }

    private static float[] transpose2d(float[] values, int rows, int columns) {
        float[] result = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                result[c * rows + r] = values[r * columns + c];
            }
        }
        return result;
    }

    @Override
    public Tensor batchMatmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        int batch = a.dim(0);
        int m = transposeA ? a.dim(2) : a.dim(1);
        int k = transposeA ? a.dim(1) : a.dim(2);
        int n = transposeB ? b.dim(1) : b.dim(2);
        float[] out = new float[batch * m * n];
        float[] left = TensorInternals.values(a);
        float[] right = TensorInternals.values(b);
        int leftSize = m * k;
        int rightSize = k * n;
        parallelism.forEach(batch, i -> {
            float[] leftMatrix = java.util.Arrays.copyOfRange(left, i * leftSize, (i + 1) * leftSize);
            float[] rightMatrix = java.util.Arrays.copyOfRange(right, i * rightSize, (i + 1) * rightSize);
            float[] product = Kernels.matmul(transposeA ? transpose2d(leftMatrix, k, m) : leftMatrix,
                    transposeB ? transpose2d(rightMatrix, n, k) : rightMatrix, m, k, n, Parallelism.SEQUENTIAL);
            System.arraycopy(product, 0, out, i * m * n, m * n);
        });
        return TensorInternals.wrap(new int[] {batch, m, n}, out);
    }

    @Override
    public Tensor gather(Tensor table, Tensor indices) {
        int width = table.dim(1);
        float[] rows = TensorInternals.values(table);
        float[] ids = TensorInternals.values(indices);
        float[] out = new float[ids.length * width];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(rows, (int) ids[i] * width, out, i * width, width);
        }
        int[] shape = java.util.Arrays.copyOf(indices.shape(), indices.rank() + 1);
        shape[indices.rank()] = width;
        return TensorInternals.wrap(shape, out);
    }

    @Override
    public Tensor scatterAddRows(Tensor updates, Tensor indices, int rows) {
        int width = updates.dim(-1);
        float[] in = TensorInternals.values(updates);
        float[] ids = TensorInternals.values(indices);
        float[] out = new float[rows * width];
        for (int i = 0; i < ids.length; i++) {
            int row = (int) ids[i] * width;
            for (int j = 0; j < width; j++) {
                out[row + j] += in[i * width + j];
            }
        }
        return TensorInternals.wrap(new int[] {rows, width}, out);
    }

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        float[] out = new float[Shapes.size(shape)];
        float[] x = TensorInternals.values(a);
        float[] y = TensorInternals.values(b);
        if (Shapes.same(a.shape(), b.shape())) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Kernels.apply(op, x[i], y[i]);
            }
        } else if (y.length == 1 && x.length == out.length) {
            float scalar = y[0];
            for (int i = 0; i < out.length; i++) {
                out[i] = Kernels.apply(op, x[i], scalar);
            }
        } else {
            Broadcast.Index left = new Broadcast.Index(a.shape(), shape);
            Broadcast.Index right = new Broadcast.Index(b.shape(), shape);
            for (int i = 0; i < out.length; i++) {
                out[i] = Kernels.apply(op, x[left.offset()], y[right.offset()]);
                left.next();
                right.next();
            }
        }
        return TensorInternals.wrap(shape, out);
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x, float parameter) {
        float[] in = TensorInternals.values(x);
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = Kernels.apply(op, in[i], parameter);
        }
        return TensorInternals.wrap(x.shape(), out);
    }

    @Override
    public Tensor unaryBackward(UnaryOp op, Tensor x, Tensor y, Tensor dy, float parameter) {
        float[] in = TensorInternals.values(x);
        float[] result = TensorInternals.values(y);
        float[] upstream = TensorInternals.values(dy);
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = upstream[i] * Kernels.derivative(op, in[i], result[i], parameter);
        }
        return TensorInternals.wrap(x.shape(), out);
    }

    @Override
    public Tensor dropoutMask(long state, int[] shape, float rate) {
        RandomGenerator random = new RandomGenerator(state);
        float scale = 1f / (1f - rate);
        float[] mask = new float[Shapes.size(shape)];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextFloat() < rate ? 0f : scale;
        }
        return TensorInternals.wrap(shape.clone(), mask);
    }

    @Override
    public Tensor transformImages(Tensor images, double[] transforms) {
        return TensorInternals.wrap(images.shape(), ImageKernels.transform(TensorInternals.values(images),
                images.dim(0), images.dim(1), images.dim(2), images.dim(3), transforms));
    }

    @Override
    public Tensor reduceToShape(Tensor x, int[] shape) {
        if (Shapes.same(x.shape(), shape)) {
            return x;
        }
        float[] in = TensorInternals.values(x);
        float[] out = new float[Shapes.size(shape)];
        Broadcast.Index target = new Broadcast.Index(shape, x.shape());
        for (int i = 0; i < in.length; i++) {
            out[target.offset()] += in[i];
            target.next();
        }
        return TensorInternals.wrap(shape.clone(), out);
    }

    @Override
    public Tensor broadcastTo(Tensor x, int[] shape) {
        if (Shapes.same(x.shape(), shape)) {
            return x;
        }
        float[] in = TensorInternals.values(x);
        float[] out = new float[Shapes.size(shape)];
        Broadcast.Index source = new Broadcast.Index(x.shape(), shape);
        for (int i = 0; i < out.length; i++) {
            out[i] = in[source.offset()];
            source.next();
        }
        return TensorInternals.wrap(shape.clone(), out);
    }

    @Override
    public Tensor transpose(Tensor x, int[] permutation) {
        int[] inShape = x.shape();
        int[] inStrides = Shapes.strides(inShape);
        int rank = inShape.length;
        int[] outShape = new int[rank];
        int[] strides = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = inShape[permutation[i]];
            strides[i] = inStrides[permutation[i]];
        }
        float[] in = TensorInternals.values(x);
        float[] out = new float[in.length];
        int[] index = new int[rank];
        int offset = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = in[offset];
            for (int axis = rank - 1; axis >= 0; axis--) {
                index[axis]++;
                offset += strides[axis];
                if (index[axis] < outShape[axis]) {
                    break;
                }
                offset -= strides[axis] * outShape[axis];
                index[axis] = 0;
            }
        }
        return TensorInternals.wrap(outShape, out);
    }

    @Override
    public Tensor softmax(Tensor x) {
        return TensorInternals.wrap(x.shape(), Kernels.softmaxRows(TensorInternals.values(x), x.dim(-1), false));
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        return TensorInternals.wrap(x.shape(), Kernels.softmaxRows(TensorInternals.values(x), x.dim(-1), true));
    }

    @Override
    public Tensor softmaxCrossEntropy(Tensor logits, Tensor targets) {
        int width = logits.dim(-1);
        return TensorInternals.wrap(new int[] {logits.size() / width},
                Kernels.softmaxCrossEntropyRows(TensorInternals.values(logits), TensorInternals.values(targets),
                        width));
    }

    @Override
    public Tensor softmaxCrossEntropyBackward(Tensor logits, Tensor targets, Tensor dLoss) {
        return TensorInternals.wrap(logits.shape(), Kernels.softmaxCrossEntropyGradient(TensorInternals.values(logits),
                TensorInternals.values(targets), TensorInternals.values(dLoss), logits.dim(-1)));
    }

    /** The reference composes the three ops the fused one stands for, so its results are theirs to the bit. */
    @Override
    public Tensor dense(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter) {
        return biasActivation(matmul(x, false, kernel, false), bias, activation, parameter);
    }

    private Tensor biasActivation(Tensor z, Tensor bias, UnaryOp activation, float parameter) {
        Tensor biased = bias == null ? z : binary(BinaryOp.ADD, z, bias);
        return activation == null ? biased : unary(activation, biased, parameter);
    }

    /**
     * Composes the ops the layers composed before the fused op existed, in the same order, so that forward
     * values (and every golden built on them) stay the same to the bit.
     */
    @Override
    public Tensor[] normalize(Normalization kind, Tensor x, Tensor gamma, Tensor beta, float epsilon) {
        int[] kept = x.shape();
        for (int axis = 0; axis < kept.length; axis++) {
            if ((kind == Normalization.BATCH) == (axis < kept.length - 1)) {
                kept[axis] = 1;
            }
        }
        Tensor perCount = Tensor.scalar(1f / (x.size() / Math.max(1, Shapes.size(kept))));
        Tensor mean = binary(BinaryOp.MULTIPLY, reduceToShape(x, kept), perCount);
        Tensor centered = binary(BinaryOp.SUBTRACT, x, mean);
        Tensor variance = binary(BinaryOp.MULTIPLY, reduceToShape(unary(UnaryOp.SQUARE, centered, 0f), kept),
                perCount);
        int[] statistics = {kind.statistics(x.shape())};
        return new Tensor[] {affine(centered, variance, gamma, beta, epsilon),
            TensorInternals.reshaped(mean, statistics), TensorInternals.reshaped(variance, statistics)};
    }

    @Override
    public Tensor[] normalizeBackward(Normalization kind, Tensor x, Tensor mean, Tensor variance, Tensor gamma,
            Tensor dy, float epsilon) {
        int channels = x.dim(-1);
        int rows = channels == 0 ? 0 : x.size() / channels;
        float[][] gradients = NormalizationKernels.backward(kind == Normalization.BATCH, TensorInternals.values(x),
                TensorInternals.values(mean), TensorInternals.values(variance), TensorInternals.values(gamma),
                TensorInternals.values(dy), rows, channels, epsilon);
        return new Tensor[] {TensorInternals.wrap(x.shape(), gradients[0]),
            TensorInternals.wrap(gamma.shape(), gradients[1]), TensorInternals.wrap(gamma.shape(), gradients[2])};
    }

    /** Composes the ops as {@link #normalize} does. */
    @Override
    public Tensor normalizeWith(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta, float epsilon) {
        return affine(binary(BinaryOp.SUBTRACT, x, mean), variance, gamma, beta, epsilon);
    }

    private Tensor affine(Tensor centered, Tensor variance, Tensor gamma, Tensor beta, float epsilon) {
        Tensor std = unary(UnaryOp.SQRT, binary(BinaryOp.ADD, variance, Tensor.scalar(epsilon)), 0f);
        return binary(BinaryOp.ADD, binary(BinaryOp.MULTIPLY, binary(BinaryOp.DIVIDE, centered, std), gamma), beta);
    }

    /** Composes the ops attention stands for, in the order autograd ran them before it was fused. */
    @Override
    public Tensor[] attention(Tensor q, Tensor k, Tensor v) {
        return ComposedAttention.forward(this, q, k, v);
    }

    @Override
    public Tensor[] attentionBackward(Tensor q, Tensor k, Tensor v, Tensor output, Tensor logSumExp,
            Tensor dOutput) {
        return ComposedAttention.backward(this, q, k, v, dOutput);
    }

    @Override
    public Tensor concatenate(List<Tensor> parts, int axis) {
        int[] shape = parts.get(0).shape();
        int total = 0;
        for (Tensor part : parts) {
            total += part.dim(axis);
        }
        shape[axis] = total;
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int inner = Shapes.size(shape) / outer / total;
        float[] out = new float[Shapes.size(shape)];
        int offset = 0;
        for (Tensor part : parts) {
            int chunk = part.dim(axis) * inner;
            float[] values = TensorInternals.values(part);
            for (int o = 0; o < outer; o++) {
                System.arraycopy(values, o * chunk, out, o * total * inner + offset, chunk);
            }
            offset += chunk;
        }
        return TensorInternals.wrap(shape, out);
    }

    @Override
    public Tensor slice(Tensor x, int axis, int start, int length) {
        int[] shape = x.shape();
        int full = shape[axis];
        shape[axis] = length;
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        int inner = x.size() / outer / full;
        float[] out = new float[outer * length * inner];
        float[] values = TensorInternals.values(x);
        for (int o = 0; o < outer; o++) {
            System.arraycopy(values, (o * full + start) * inner, out, o * length * inner, length * inner);
        }
        return TensorInternals.wrap(shape, out);
    }

    /** Composes the ops the fused one stands for, as {@link #dense} does. */
    @Override
    public Tensor conv2dBiasActivation(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter,
            ConvGeometry g) {
        return biasActivation(conv2d(x, kernel, g), bias, activation, parameter);
    }

    @Override
    public Tensor conv2d(Tensor x, Tensor kernel, ConvGeometry g) {
        int filters = kernel.dim(3);
        float[] out = ConvolutionKernels.conv2d(TensorInternals.values(x), x.dim(0), x.dim(3),
                TensorInternals.values(kernel), filters, g, parallelism);
        return TensorInternals.wrap(new int[] {x.dim(0), g.outHeight, g.outWidth, filters}, out);
    }

    @Override
    public Tensor conv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry g) {
        return TensorInternals.wrap(inputShape.clone(), ConvolutionKernels.conv2dBackwardInput(
                TensorInternals.values(dy), TensorInternals.values(kernel), inputShape[0], inputShape[3],
                kernel.dim(3), g, parallelism));
    }

    @Override
    public Tensor conv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry g) {
        return TensorInternals.wrap(kernelShape.clone(), ConvolutionKernels.conv2dBackwardKernel(
                TensorInternals.values(x), TensorInternals.values(dy), x.dim(0), x.dim(3), kernelShape[3], g,
                parallelism));
    }

    @Override
    public Tensor depthwiseConv2d(Tensor x, Tensor kernel, ConvGeometry g) {
        int channels = x.dim(3);
        int multiplier = kernel.dim(3);
        float[] out = ConvolutionKernels.depthwise(TensorInternals.values(x), TensorInternals.values(kernel),
                x.dim(0), channels, multiplier, g);
        return TensorInternals.wrap(new int[] {x.dim(0), g.outHeight, g.outWidth, channels * multiplier}, out);
    }

    @Override
    public Tensor depthwiseConv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry g) {
        float[] dx = new float[Shapes.size(inputShape)];
        ConvolutionKernels.depthwiseBackward(null, TensorInternals.values(kernel), TensorInternals.values(dy), dx, null,
                inputShape[0], inputShape[3], kernel.dim(3), g);
        return TensorInternals.wrap(inputShape.clone(), dx);
    }

    @Override
    public Tensor depthwiseConv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry g) {
        float[] dk = new float[Shapes.size(kernelShape)];
        ConvolutionKernels.depthwiseBackward(TensorInternals.values(x), null, TensorInternals.values(dy), null, dk,
                x.dim(0), x.dim(3), kernelShape[3], g);
        return TensorInternals.wrap(kernelShape.clone(), dk);
    }

    @Override
    public Tensor maxPool2d(Tensor x, ConvGeometry g) {
        return TensorInternals.wrap(new int[] {x.dim(0), g.outHeight, g.outWidth, x.dim(3)},
                ConvolutionKernels.pool(TensorInternals.values(x), null, x.dim(0), x.dim(3), g, true));
    }

    @Override
    public Tensor maxPool2dBackward(Tensor x, Tensor dy, ConvGeometry g) {
        return TensorInternals.wrap(x.shape(), ConvolutionKernels.pool(TensorInternals.values(x),
                TensorInternals.values(dy), x.dim(0), x.dim(3), g, true));
    }

    @Override
    public Tensor averagePool2d(Tensor x, ConvGeometry g) {
        return TensorInternals.wrap(new int[] {x.dim(0), g.outHeight, g.outWidth, x.dim(3)},
                ConvolutionKernels.pool(TensorInternals.values(x), null, x.dim(0), x.dim(3), g, false));
    }

    @Override
    public Tensor averagePool2dBackward(Tensor dy, int[] inputShape, ConvGeometry g) {
        return TensorInternals.wrap(inputShape.clone(), ConvolutionKernels.pool(null, TensorInternals.values(dy),
                inputShape[0], inputShape[3], g, false));
    }
}
