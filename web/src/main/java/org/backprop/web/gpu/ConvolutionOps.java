package org.backprop.web.gpu;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.internal.TensorInternals;

/**
 * Dispatches the sliding-window ops: convolution and its gradients as implicit GEMMs (conv2d*.wgsl),
 * depthwise convolution (depthwise_conv2d*.wgsl) and max and average pooling (pool*.wgsl). Every kernel
 * reads the same parameter words, the window geometry of {@link #geometry}; the long reductions of the kernel
 * gradients are split into chunks whose partial sums a second kernel adds in order.
 */
final class ConvolutionOps {
    /** Threads in a conv2d GEMM workgroup: WX along the columns × 64 / WX along the rows. */
    private static final int GROUP_THREADS = 64;
    /** A conv2d GEMM thread computes BLOCK columns (filters or channels)... */
    private static final int BLOCK = 8;
    /** ...of BLOCK rows in the forward and input-gradient kernels, of KERNEL_GRADIENT_CHANNELS kernel rows. */
    private static final int KERNEL_GRADIENT_CHANNELS = 4;
    /** Conv2d kernel gradients split their reduction over at most this many chunks... */
    private static final int MAX_CHUNKS = 64;
    /** ...of at least this many positions each: enough workgroups for a GPU, few partial sums to add. */
    private static final int MIN_CHUNK = 256;
    /** Depthwise kernel gradients: about this many positions per chunk (whole output rows). */
    private static final int DEPTHWISE_CHUNK = 256;
    /** Threads in a depthwise kernel-gradient workgroup (its {@code @workgroup_size}). */
    private static final int DEPTHWISE_KERNEL_GROUP = 64;
    private static final int MAX_GROUPS = 65535;

    private final GpuMemory memory;
    private final KernelRunner kernels;

    ConvolutionOps(GpuMemory memory, KernelRunner kernels) {
        this.memory = memory;
        this.kernels = kernels;
    }

    /** See {@link org.backprop.nn.backend.Backend#conv2dBiasActivation}; {@code bias} may be {@code null}. */
    Tensor conv2d(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter, ConvGeometry g) {
        int filters = kernel.dim(3);
        Tensor y = output(x.dim(0), g.outHeight, g.outWidth, filters);
        int rows = x.dim(0) * g.outHeight * g.outWidth;
        int[] params = geometry(x.dim(0), x.dim(3), filters, g, bias != null ? Epilogues.ADD_BIAS : 0, 0);
        params[14] = Epilogues.activationCode(activation);
        params[15] = Float.floatToIntBits(parameter);
        GpuData weights = on(kernel);
        // Without a bias the kernel reads no bias values; the weights stand in for the binding.
        gemm("conv2d", WgslSources.CONV2D, params,
                new GpuData[] {on(x), weights, bias != null ? on(bias) : weights, data(y)}, rows, filters);
        return y;
    }

    Tensor conv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry g) {
        Tensor dx = output(inputShape);
        int rows = inputShape[0] * inputShape[1] * inputShape[2];
        gemm("conv2d_backward_input", WgslSources.CONV2D_BACKWARD_INPUT,
                geometry(inputShape[0], inputShape[3], kernel.dim(3), g, 0, 0),
                new GpuData[] {on(dy), on(kernel), data(dx)}, rows, inputShape[3]);
        return dx;
    }

    Tensor conv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry g) {
        int depth = kernelShape[0] * kernelShape[1] * kernelShape[2];
        int filters = kernelShape[3];
        int positions = x.dim(0) * g.outHeight * g.outWidth;
        int chunks = Math.max(1, Math.min(MAX_CHUNKS, positions / MIN_CHUNK));
        int chunk = KernelRunner.ceilDiv(positions, chunks);
        chunks = Math.max(1, KernelRunner.ceilDiv(positions, chunk));
        Tensor dk = output(kernelShape);
        int[] params = geometry(x.dim(0), x.dim(3), filters, g, chunk, 0);
        int count = depth * filters;
        int threadsX = threadsAlong(filters);
        // One thread row per (window tap, block of 4 channels).
        int tapBlocks = kernelShape[0] * kernelShape[1]
                * KernelRunner.ceilDiv(kernelShape[2], KERNEL_GRADIENT_CHANNELS);
        GpuData partial = chunks == 1 ? data(dk) : memory.allocate(chunks * count);
        kernels.run("conv2d_backward_kernel_wx" + threadsX, () -> sized(WgslSources.CONV2D_BACKWARD_KERNEL, threadsX),
                params, new GpuData[] {on(x), on(dy), partial}, KernelRunner.ceilDiv(filters, BLOCK * threadsX),
                KernelRunner.ceilDiv(tapBlocks, GROUP_THREADS / threadsX), chunks);
        if (chunks > 1) {
            sumChunks(partial, chunks, data(dk), count);
        }
        return dk;
    }

    Tensor depthwiseConv2d(Tensor x, Tensor kernel, ConvGeometry g) {
        int multiplier = kernel.dim(3);
        int outChannels = x.dim(3) * multiplier;
        Tensor y = output(x.dim(0), g.outHeight, g.outWidth, outChannels);
        int positions = x.dim(0) * g.outHeight * g.outWidth;
        depthwise("depthwise_conv2d", WgslSources.DEPTHWISE_CONV2D, multiplier, false,
                geometry(x.dim(0), x.dim(3), outChannels, g, 0, multiplier),
                new GpuData[] {on(x), on(kernel), data(y)},
                KernelRunner.ceilDiv(blocks(positions) * blocks(outChannels), KernelRunner.ELEMENTWISE_GROUP));
        return y;
    }

    Tensor depthwiseConv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry g) {
        int multiplier = kernel.dim(3);
        Tensor dx = output(inputShape);
        int positions = inputShape[0] * inputShape[1] * inputShape[2];
        depthwise("depthwise_conv2d_backward_input", WgslSources.DEPTHWISE_CONV2D_BACKWARD_INPUT, multiplier,
                g.strideHeight == 1 && g.strideWidth == 1,
                geometry(inputShape[0], inputShape[3], inputShape[3] * multiplier, g, 0, multiplier),
                new GpuData[] {on(dy), on(kernel), data(dx)},
                KernelRunner.ceilDiv(blocks(positions) * blocks(inputShape[3]), KernelRunner.ELEMENTWISE_GROUP));
        return dx;
    }

    Tensor depthwiseConv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry g) {
        int multiplier = kernelShape[3];
        int outChannels = x.dim(3) * multiplier;
        int count = Shapes.size(kernelShape);
        int rows = x.dim(0) * g.outHeight;
        int chunkRows = Math.max(1, KernelRunner.ceilDiv(DEPTHWISE_CHUNK, g.outWidth));
        int chunks = KernelRunner.ceilDiv(rows, chunkRows);
        Tensor dk = output(kernelShape);
        int[] params = geometry(x.dim(0), x.dim(3), outChannels, g, chunkRows, multiplier);
        params[15] = chunks;
        GpuData partial = chunks == 1 ? data(dk) : memory.allocate(chunks * count);
        int threads = chunks * kernelShape[0] * blocks(kernelShape[1]) * blocks(outChannels);
        depthwise("depthwise_conv2d_backward_kernel", WgslSources.DEPTHWISE_CONV2D_BACKWARD_KERNEL, multiplier,
                false, params, new GpuData[] {on(x), on(dy), partial},
                KernelRunner.ceilDiv(threads, DEPTHWISE_KERNEL_GROUP));
        if (chunks > 1) {
            sumChunks(partial, chunks, data(dk), count);
        }
        return dk;
    }

    /** Returns how many blocks of 4 (a depthwise thread's positions, channels or taps) cover {@code count}. */
    private static int blocks(int count) {
        return KernelRunner.ceilDiv(count, 4);
    }

    /**
     * Records a depthwise kernel over {@code groups} workgroups. Multiplier 1 (SeparableConv2D's) and unit
     * strides (which spare the input gradient its divisions) are written into the source as constants, each
     * variant its own pipeline, so that the common case runs without the general case's loop and divisions.
     */
    private void depthwise(String op, String wgsl, int multiplier, boolean unitStride, int[] params,
            GpuData[] buffers, int groups) {
        kernels.runGroups(op + (multiplier == 1 ? "_m1" : "") + (unitStride ? "_s1" : ""), () -> {
            // MULTIPLIER 0 reads the multiplier from the parameters.
            String source = WgslConstants.with(wgsl, "MULTIPLIER", multiplier == 1 ? 1 : 0);
            return unitStride ? WgslConstants.with(source, "UNIT_STRIDE", true) : source;
        }, params, buffers, groups);
    }

    Tensor pool2d(Tensor x, ConvGeometry g, boolean max) {
        Tensor y = output(x.dim(0), g.outHeight, g.outWidth, x.dim(3));
        kernels.runElementwise("pool_" + (max ? "max" : "average"), () -> withMode(WgslSources.POOL, max),
                geometry(x.dim(0), x.dim(3), 0, g, 0, 0), new GpuData[] {on(x), data(y)}, y.size());
        return y;
    }

    Tensor maxPool2dBackward(Tensor x, Tensor dy, ConvGeometry g) {
        return poolBackward(on(x), dy, x.shape(), g, true);
    }

    Tensor averagePool2dBackward(Tensor dy, int[] inputShape, ConvGeometry g) {
        return poolBackward(on(dy), dy, inputShape, g, false);
    }

    private Tensor poolBackward(GpuData x, Tensor dy, int[] inputShape, ConvGeometry g, boolean max) {
        Tensor dx = output(inputShape);
        int[] params = geometry(inputShape[0], inputShape[3], 0, g, 0, 0);
        if (g.strideHeight >= g.windowHeight && g.strideWidth >= g.windowWidth) {
            // Windows that do not overlap: one thread per window writes its whole stride cell.
            kernels.runElementwise("pool_backward_cells_" + (max ? "max" : "average"),
                    () -> withMode(WgslSources.POOL_BACKWARD_CELLS, max), params, new GpuData[] {x, on(dy), data(dx)},
                    dy.size());
            return dx;
        }
        // Overlapping windows: each input gathers from the windows that cover it; for max pooling a first pass
        // finds every window's maximum once, instead of once per input it covers.
        GpuData argmax = max ? memory.allocate(dy.size()) : null;
        if (max) {
            kernels.runElementwise("pool_argmax", () -> WgslSources.POOL_ARGMAX, params, new GpuData[] {x, argmax},
                    dy.size());
        }
        kernels.runElementwise("pool_backward_" + (max ? "max" : "average"),
                () -> withMode(WgslSources.POOL_BACKWARD, max),
                params, new GpuData[] {max ? argmax : on(dy), on(dy), data(dx)}, dx.size());
        if (max) {
            memory.free(argmax);
        }
        return dx;
    }

    /** Returns a pooling kernel's source with its MODE set: 0 max, 1 average. */
    private static String withMode(String wgsl, boolean max) {
        return WgslConstants.with(wgsl, "MODE", max ? 0 : 1);
    }

    /**
     * Records one of the conv2d GEMM kernels over a {@code rows × columns} result: workgroups of WX × 64 / WX
     * threads, each thread an 8 × 8 block; x numbers the column blocks, y (spilling into z past the dispatch
     * limit) the row blocks.
     */
    private void gemm(String op, String wgsl, int[] params, GpuData[] buffers, int rows, int columns) {
        int threadsX = threadsAlong(columns);
        int rowGroups = KernelRunner.ceilDiv(rows, BLOCK * (GROUP_THREADS / threadsX));
        int y = Math.min(rowGroups, MAX_GROUPS);
        kernels.run(op + "_wx" + threadsX, () -> sized(wgsl, threadsX), params, buffers,
                KernelRunner.ceilDiv(columns, BLOCK * threadsX), y, KernelRunner.ceilDiv(rowGroups, y));
    }

    /**
     * Returns the GEMM kernels' threads along the columns (WX) for {@code columns}: enough 8-column blocks to
     * cover them, a power of two up to 8, so that narrow results (BENCH-CNN's 16 filters, an image's 3
     * channels) leave no thread idle and wide ones keep 8 rows of threads sharing their operands.
     */
    private static int threadsAlong(int columns) {
        int threads = 1;
        while (threads < 8 && threads * BLOCK < columns) {
            threads *= 2;
        }
        return threads;
    }

    /** Returns a GEMM kernel's source with its threads along the columns set to {@code threadsX}. */
    private static String sized(String wgsl, int threadsX) {
        return WgslConstants.with(wgsl, "WX", threadsX);
    }

    /** Records {@code result[i] = Σ_z partial[z·count + i]} and frees {@code partial} once it has run. */
    private void sumChunks(GpuData partial, int chunks, GpuData result, int count) {
        kernels.runElementwise("conv_partial_sum", () -> WgslSources.CONV_PARTIAL_SUM, new int[] {count, chunks},
                new GpuData[] {partial, result}, count);
        memory.free(partial);
    }

    /**
     * Returns the parameter words the kernels share: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW,
     * [6] output channels, [7] kh, [8] kw, [9] sh, [10] sw, [11] padTop, [12] padLeft, [13] {@code extra} (chunk
     * length or conv2d's epilogue flags), [14] depth multiplier, [15] free for the caller (conv2d
     * puts its epilogue's activation in [14] and [15]).
     */
    private static int[] geometry(int batch, int channels, int outChannels, ConvGeometry g, int extra,
            int multiplier) {
        return new int[] {batch, g.inHeight, g.inWidth, channels, g.outHeight, g.outWidth, outChannels,
            g.windowHeight, g.windowWidth, g.strideHeight, g.strideWidth, g.padTop, g.padLeft, extra, multiplier, 0};
    }

    private Tensor output(int... shape) {
        return GpuMemory.tensor(shape.clone(), memory.allocate(Shapes.size(shape)));
    }

    private GpuData on(Tensor tensor) {
        return memory.on(tensor);
    }

    private static GpuData data(Tensor deviceTensor) {
        return (GpuData) TensorInternals.deviceData(deviceTensor);
    }
}
