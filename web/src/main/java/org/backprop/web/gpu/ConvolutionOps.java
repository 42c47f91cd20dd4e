package org.backprop.web.gpu;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.ConvGeometry;

/**
 * Dispatches the sliding-window ops: convolution and its gradients as implicit GEMMs (conv2d*.wgsl),
 * depthwise convolution (depthwise_conv2d*.wgsl) and max and average pooling (pool*.wgsl). Every kernel
 * reads the same parameter words, the window geometry of {@link #geometry}; the long reductions of the kernel
 * gradients are split into chunks whose partial sums a second kernel adds in order.
 */
final class ConvolutionOps {
    /** The 64 threads of a conv2d GEMM workgroup compute 256 values: BM rows × BN columns. */
    private static final int TILE_VALUES = 256;
    /** Positions one conv2d kernel-gradient tile steps through at a time (BK); chunks are multiples of it. */
    private static final int STEP = 16;
    /** Conv2d kernel gradients split their reduction over at most this many chunks... */
    private static final int MAX_CHUNKS = 64;
    /** ...of at least this many positions each: enough workgroups for a GPU, few partial sums to add. */
    private static final int MIN_CHUNK = 256;
    /** Depthwise kernel gradients: positions per chunk, one thread per chunk and kernel value. */
    private static final int DEPTHWISE_CHUNK = 128;
    private static final int MAX_GROUPS = 65535;

    private final GpuMemory memory;
    private final KernelRunner kernels;

    ConvolutionOps(GpuMemory memory, KernelRunner kernels) {
        this.memory = memory;
        this.kernels = kernels;
    }

    Tensor conv2d(Tensor x, Tensor kernel, ConvGeometry g) {
        int filters = kernel.dim(3);
        Tensor y = output(x.dim(0), g.outHeight, g.outWidth, filters);
        int rows = x.dim(0) * g.outHeight * g.outWidth;
        gemm("conv2d", WgslSources.CONV2D, geometry(x.dim(0), x.dim(3), filters, g, 0, 0),
                on(x), on(kernel), data(y), rows, filters);
        return y;
    }

    Tensor conv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry g) {
        Tensor dx = output(inputShape);
        int rows = inputShape[0] * inputShape[1] * inputShape[2];
        gemm("conv2d_backward_input", WgslSources.CONV2D_BACKWARD_INPUT,
                geometry(inputShape[0], inputShape[3], kernel.dim(3), g, 0, 0), on(dy), on(kernel), data(dx), rows,
                inputShape[3]);
        return dx;
    }

    Tensor conv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry g) {
        int depth = kernelShape[0] * kernelShape[1] * kernelShape[2];
        int filters = kernelShape[3];
        int positions = x.dim(0) * g.outHeight * g.outWidth;
        int chunks = Math.max(1, Math.min(MAX_CHUNKS, positions / MIN_CHUNK));
        int chunk = KernelRunner.ceilDiv(KernelRunner.ceilDiv(positions, chunks), STEP) * STEP;
        chunks = Math.max(1, KernelRunner.ceilDiv(positions, chunk));
        Tensor dk = output(kernelShape);
        int[] params = geometry(x.dim(0), x.dim(3), filters, g, chunk, 0);
        int count = depth * filters;
        int tileColumns = tileColumns(filters);
        String op = "conv2d_backward_kernel_bn" + tileColumns;
        String wgsl = tiled(WgslSources.CONV2D_BACKWARD_KERNEL, tileColumns);
        GpuData partial = chunks == 1 ? data(dk) : memory.allocate(chunks * count);
        kernels.run(op, wgsl, params, new GpuData[] {on(x), on(dy), partial},
                KernelRunner.ceilDiv(depth, TILE_VALUES / tileColumns), KernelRunner.ceilDiv(filters, tileColumns), chunks);
        if (chunks > 1) {
            sumChunks(partial, chunks, data(dk), count);
        }
        return dk;
    }

    Tensor depthwiseConv2d(Tensor x, Tensor kernel, ConvGeometry g) {
        int multiplier = kernel.dim(3);
        int outChannels = x.dim(3) * multiplier;
        Tensor y = output(x.dim(0), g.outHeight, g.outWidth, outChannels);
        kernels.runElementwise("depthwise_conv2d", WgslSources.DEPTHWISE_CONV2D,
                geometry(x.dim(0), x.dim(3), outChannels, g, 0, multiplier),
                new GpuData[] {on(x), on(kernel), data(y)}, y.size());
        return y;
    }

    Tensor depthwiseConv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry g) {
        int multiplier = kernel.dim(3);
        Tensor dx = output(inputShape);
        kernels.runElementwise("depthwise_conv2d_backward_input", WgslSources.DEPTHWISE_CONV2D_BACKWARD_INPUT,
                geometry(inputShape[0], inputShape[3], inputShape[3] * multiplier, g, 0, multiplier),
                new GpuData[] {on(dy), on(kernel), data(dx)}, dx.size());
        return dx;
    }

    Tensor depthwiseConv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry g) {
        int multiplier = kernelShape[3];
        int count = Shapes.size(kernelShape);
        int positions = x.dim(0) * g.outHeight * g.outWidth;
        int chunks = Math.max(1, KernelRunner.ceilDiv(positions, DEPTHWISE_CHUNK));
        Tensor dk = output(kernelShape);
        int[] params = geometry(x.dim(0), x.dim(3), x.dim(3) * multiplier, g, DEPTHWISE_CHUNK, multiplier);
        params[15] = chunks;
        GpuData partial = chunks == 1 ? data(dk) : memory.allocate(chunks * count);
        kernels.runElementwise("depthwise_conv2d_backward_kernel", WgslSources.DEPTHWISE_CONV2D_BACKWARD_KERNEL,
                params, new GpuData[] {on(x), on(dy), partial}, chunks * count);
        if (chunks > 1) {
            sumChunks(partial, chunks, data(dk), count);
        }
        return dk;
    }

    Tensor pool2d(Tensor x, ConvGeometry g, boolean max) {
        Tensor y = output(x.dim(0), g.outHeight, g.outWidth, x.dim(3));
        kernels.runElementwise("pool", WgslSources.POOL, geometry(x.dim(0), x.dim(3), 0, g, max ? 0 : 1, 0),
                new GpuData[] {on(x), data(y)}, y.size());
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
        kernels.runElementwise("pool_backward", WgslSources.POOL_BACKWARD,
                geometry(inputShape[0], inputShape[3], 0, g, max ? 0 : 1, 0),
                new GpuData[] {x, on(dy), data(dx)}, dx.size());
        return dx;
    }

    /** Records one of the conv2d GEMM kernels over a {@code rows × columns} result. */
    private void gemm(String op, String wgsl, int[] params, GpuData a, GpuData b, GpuData result, int rows,
            int columns) {
        int tileColumns = tileColumns(columns);
        int rowTiles = KernelRunner.ceilDiv(rows, TILE_VALUES / tileColumns);
        int x = Math.min(rowTiles, MAX_GROUPS);
        kernels.run(op + "_bn" + tileColumns, tiled(wgsl, tileColumns), params, new GpuData[] {a, b, result}, x,
                KernelRunner.ceilDiv(columns, tileColumns), KernelRunner.ceilDiv(rowTiles, x));
    }

    /**
     * Returns the GEMM kernels' column tile BN for {@code columns}: 16 for up to 16 columns (BENCH-CNN's first
     * layer, an image's channels), so that they waste fewer threads, else 32. (The kernels stage a row's whole
     * depth step per thread, so BM = 256 / BN may not pass the 64 threads.)
     */
    private static int tileColumns(int columns) {
        return columns <= 16 ? 16 : 32;
    }

    /** Returns a GEMM kernel's source with its column tile set to {@code tileColumns}. */
    private static String tiled(String wgsl, int tileColumns) {
        return wgsl.replace("const BN: u32 = 32u;", "const BN: u32 = " + tileColumns + "u;");
    }

    /** Records {@code result[i] = Σ_z partial[z·count + i]} and frees {@code partial} once it has run. */
    private void sumChunks(GpuData partial, int chunks, GpuData result, int count) {
        kernels.runElementwise("conv_partial_sum", WgslSources.CONV_PARTIAL_SUM, new int[] {count, chunks},
                new GpuData[] {partial, result}, count);
        memory.free(partial);
    }

    /**
     * Returns the parameter words the kernels share: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW,
     * [6] output channels, [7] kh, [8] kw, [9] sh, [10] sw, [11] padTop, [12] padLeft, [13] {@code extra} (chunk
     * length or pooling mode), [14] depth multiplier, [15] free for the caller.
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
        return (GpuData) deviceTensor.deviceData();
    }
}
