package org.backprop.web.gpu;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.TensorInternals;

/**
 * The element-wise ops: binary ops with broadcasting ({@code binary.wgsl}), broadcasting itself
 * ({@code broadcast_to.wgsl}), unary ops and their gradients ({@code unary*.wgsl}). Each op, and each way a
 * binary op's operands are indexed, gets a pipeline of its own with them written into the source as constants:
 * a kernel that branched on them at run time was several times slower under SwiftShader, which runs every
 * branch a switch might take. Sizes that are multiples of 4 (with same-shaped operands) take the
 * {@code *_vec4.wgsl} variants, four values a thread: half the time there.
 */
final class ElementwiseOps {
    /** Broadcasting kernels take shapes of at most this rank; larger ones run on the CPU. */
    private static final int MAX_RANK = 6;

    /** How binary.wgsl finds an operand's value for output value i; the numbers are the kernel's. */
    private enum Indexing {
        /** The operand has the output's shape: i. */
        SAME(0),
        /** One value: 0. */
        SCALAR(1),
        /** Repeated along leading axes (a bias over the last axis): i % period. */
        REPEATS(2),
        /** Repeated along trailing axes (a per-row value): i / period. */
        SPREADS(3),
        /** Any other broadcast: per-axis strides. */
        GENERAL(4);

        final int code;

        Indexing(int code) {
            this.code = code;
        }
    }

    private final GpuMemory memory;
    private final KernelRunner kernels;
    private final CpuBackend cpu;

    ElementwiseOps(GpuMemory memory, KernelRunner kernels, CpuBackend cpu) {
        this.memory = memory;
        this.kernels = kernels;
        this.cpu = cpu;
    }

    /** See {@link org.backprop.nn.backend.Backend#binary}. */
    Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(a.shape(), b.shape());
        if (shape.length > MAX_RANK) {
            return cpu.binary(op, a, b);
        }
        int count = Shapes.size(shape);
        Indexing aIndexing = indexing(a.shape(), shape);
        Indexing bIndexing = indexing(b.shape(), shape);
        Tensor out = output(shape);
        GpuData[] buffers = {memory.on(a), memory.on(b), data(out)};
        String name = op + "_" + aIndexing + "_" + bIndexing;
        if (count % 4 == 0 && fourAtATime(aIndexing, a.size()) && fourAtATime(bIndexing, b.size())) {
            kernels.runElementwise("binary_vec4_" + name, () -> binarySource(WgslSources.BINARY_VEC4, op,
                    aIndexing, bIndexing), new int[] {count / 4, a.size() / 4, b.size() / 4}, buffers, count / 4);
        } else {
            kernels.runElementwise("binary_" + name, () -> binarySource(WgslSources.BINARY, op, aIndexing, bIndexing),
                    broadcastParameters(shape, a, b), buffers, count);
        }
        return out;
    }

    /** See {@link org.backprop.nn.backend.Backend#broadcastTo}. */
    Tensor broadcastTo(Tensor x, int[] shape) {
        if (Shapes.same(x.shape(), shape)) {
            return x;
        }
        if (shape.length > MAX_RANK) {
            return cpu.broadcastTo(x, shape);
        }
        int count = Shapes.size(shape);
        Indexing xIndexing = indexing(x.shape(), shape);
        Tensor out = output(shape);
        GpuData[] buffers = {memory.on(x), data(out)};
        if (xIndexing == Indexing.REPEATS && count % 4 == 0 && x.size() % 4 == 0) {
            kernels.runElementwise("broadcast_to_vec4", () -> WgslSources.BROADCAST_TO_VEC4,
                    new int[] {count / 4, x.size() / 4}, buffers, count / 4);
        } else {
            kernels.runElementwise("broadcast_to_" + xIndexing,
                    () -> WgslConstants.with(WgslSources.BROADCAST_TO, "X_INDEX", xIndexing.code),
                    broadcastParameters(shape, x), buffers, count);
        }
        return out;
    }

    /** See {@link org.backprop.nn.backend.Backend#unary}. */
    Tensor unary(UnaryOp op, Tensor x, float parameter) {
        Tensor out = output(x.shape());
        boolean vec4 = x.size() % 4 == 0;
        int threads = vec4 ? x.size() / 4 : x.size();
        kernels.runElementwise((vec4 ? "unary_vec4_" : "unary_") + op,
                () -> WgslConstants.with(vec4 ? WgslSources.UNARY_VEC4 : WgslSources.UNARY, "OP", op.ordinal()),
                new int[] {threads, Float.floatToIntBits(parameter)}, new GpuData[] {memory.on(x), data(out)},
                threads);
        return out;
    }

    /** See {@link org.backprop.nn.backend.Backend#unaryBackward}. */
    Tensor unaryBackward(UnaryOp op, Tensor x, Tensor y, Tensor dy, float parameter) {
        Tensor out = output(x.shape());
        boolean vec4 = x.size() % 4 == 0;
        int threads = vec4 ? x.size() / 4 : x.size();
        kernels.runElementwise((vec4 ? "unary_backward_vec4_" : "unary_backward_") + op,
                () -> WgslConstants.with(vec4 ? WgslSources.UNARY_BACKWARD_VEC4 : WgslSources.UNARY_BACKWARD, "OP",
                        op.ordinal()),
                new int[] {threads, Float.floatToIntBits(parameter)},
                new GpuData[] {memory.on(x), memory.on(y), memory.on(dy), data(out)}, threads);
        return out;
    }

    /**
     * Returns how an operand of {@code shape} is indexed for an output of {@code target} shape: by its padded
     * shape, the same, one value, the output's trailing dimensions after 1s (repeats), or its leading
     * dimensions before 1s (spreads).
     */
    private static Indexing indexing(int[] shape, int[] target) {
        if (Shapes.same(shape, target)) {
            return Indexing.SAME;
        }
        if (Shapes.size(shape) == 1) {
            return Indexing.SCALAR;
        }
        int[] padded = Broadcasts.padLeft(shape, target.length);
        int first = 0;
        while (padded[first] == 1 && target[first] != 1) {
            first++;
        }
        if (matchesFrom(padded, target, first, target.length)) {
            return Indexing.REPEATS;
        }
        int last = target.length;
        while (padded[last - 1] == 1 && target[last - 1] != 1) {
            last--;
        }
        return matchesFrom(padded, target, 0, last) ? Indexing.SPREADS : Indexing.GENERAL;
    }

    private static boolean matchesFrom(int[] padded, int[] target, int from, int to) {
        for (int axis = from; axis < to; axis++) {
            if (padded[axis] != target[axis]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the period binary.wgsl divides by: the operand's size (repeats) or the values per one of its. */
    private static int period(Indexing indexing, int size, int count) {
        switch (indexing) {
            case REPEATS:
                return size;
            case SPREADS:
                return count / size;
            default:
                return 1;
        }
    }

    /**
     * Returns whether binary_vec4.wgsl can read an operand four values at a time: it has the output's shape, or
     * repeats with a period (its size) that is a multiple of 4.
     */
    private static boolean fourAtATime(Indexing indexing, int size) {
        return indexing == Indexing.SAME || (indexing == Indexing.REPEATS && size % 4 == 0);
    }

    /** Returns a binary kernel's source with its op and both operands' indexing set. */
    private static String binarySource(String wgsl, BinaryOp op, Indexing aIndexing, Indexing bIndexing) {
        return WgslConstants.with(WgslConstants.with(WgslConstants.with(wgsl, "OP", op.ordinal()), "A_INDEX",
                aIndexing.code), "B_INDEX", bIndexing.code);
    }

    /**
     * Returns binary.wgsl's and broadcast_to.wgsl's parameters for an output of {@code shape}: [1] rank, [2]
     * count, [4..9] dims, then per operand its strides (from [10], [16]) and its period ([22], [23]).
     */
    private static int[] broadcastParameters(int[] shape, Tensor... operands) {
        int count = Shapes.size(shape);
        int[] params = new int[24];
        params[1] = shape.length;
        params[2] = count;
        System.arraycopy(shape, 0, params, 4, shape.length);
        for (int k = 0; k < operands.length; k++) {
            int[] strides = Broadcasts.strides(operands[k].shape(), shape);
            System.arraycopy(strides, 0, params, 10 + 6 * k, strides.length);
            params[22 + k] = period(indexing(operands[k].shape(), shape), operands[k].size(), count);
        }
        return params;
    }

    private Tensor output(int[] shape) {
        return GpuMemory.tensor(shape, memory.allocate(Shapes.size(shape)));
    }

    private static GpuData data(Tensor deviceTensor) {
        return (GpuData) TensorInternals.deviceData(deviceTensor);
    }
}
