package org.backprop.web.gpu;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * Fused attention, forward and backward, without the {@code [heads, tq, tk]} score matrix: the forward keeps
 * each query row's log-sum-exp ({@code attention.wgsl}, online softmax); the backward recomputes the
 * probabilities from it in two kernels, one over query rows for dq and the row deltas
 * ({@code attention_backward_query.wgsl}), then one over key rows for dk and dv
 * ({@code attention_backward_key.wgsl}). Each thread takes {@link #ROWS} rows of one head. Key and value widths
 * are pipeline constants, one pipeline per pair; the backend composes other widths from its products and
 * softmax ({@link #fits}).
 */
final class AttentionOps {
    /** The widest key or value row the kernels keep in registers: 16 vec4s (keyDim 64, Keras's usual heads). */
    static final int MAX_WIDTH = 64;
    /**
     * The widest row on a hardware GPU. Four rows of 64 values a thread spill registers there: on an H100 the
     * fused forward and backward of [8 heads, 128 steps, 64] took 22.5 ms against 5.8 ms composed, while at
     * width 32 and below fused and composed were even or fused ahead (docs/benchmarks.md).
     */
    static final int MAX_HARDWARE_WIDTH = 32;
    /** Threads per workgroup of the attention kernels (their {@code @workgroup_size}). */
    private static final int GROUP = 64;
    /** Rows of one head a thread computes (the kernels hold four rows as the components of vec4s). */
    private static final int ROWS = 4;

    private final GpuMemory memory;
    private final KernelRunner kernels;
    private final int maxWidth;

    AttentionOps(GpuMemory memory, KernelRunner kernels, KernelTuning tuning) {
        this.memory = memory;
        this.kernels = kernels;
        this.maxWidth = tuning == KernelTuning.HARDWARE ? MAX_HARDWARE_WIDTH : MAX_WIDTH;
    }

    /**
     * Returns whether the kernels take q's and v's row widths: multiples of 4 (vec4s) up to the widest this
     * adapter keeps in registers ({@link #MAX_WIDTH}, or {@link #MAX_HARDWARE_WIDTH} on a GPU).
     */
    boolean fits(Tensor q, Tensor v) {
        return fits(q.dim(2)) && fits(v.dim(2));
    }

    private boolean fits(int width) {
        return width > 0 && width <= maxWidth && width % 4 == 0;
    }

    /** See {@link org.backprop.nn.backend.Backend#attention}; for shapes that {@link #fits}. */
    Tensor[] attention(Tensor q, Tensor k, Tensor v) {
        int keyWidth = q.dim(2);
        int valueWidth = v.dim(2);
        Tensor output = output(q.dim(0), q.dim(1), valueWidth);
        Tensor logSumExp = output(q.dim(0), q.dim(1));
        run("attention", WgslSources.ATTENTION, keyWidth, valueWidth, q.dim(0), q.dim(1), k.dim(1), new GpuData[] {
            memory.on(q), memory.on(k), memory.on(v), data(output), data(logSumExp)});
        return new Tensor[] {output, logSumExp};
    }

    /** See {@link org.backprop.nn.backend.Backend#attentionBackward}; for shapes that {@link #fits}. */
    Tensor[] attentionBackward(Tensor q, Tensor k, Tensor v, Tensor output, Tensor logSumExp, Tensor dOutput) {
        int keyWidth = q.dim(2);
        int valueWidth = v.dim(2);
        Tensor dq = output(q.shape());
        Tensor dk = output(k.shape());
        Tensor dv = output(v.shape());
        // (logSumExp, delta) per query row: written by the query-side kernel, read by the key-side one.
        GpuData statistics = memory.allocate(2 * q.dim(0) * q.dim(1));
        GpuData qData = memory.on(q);
        GpuData kData = memory.on(k);
        GpuData vData = memory.on(v);
        GpuData upstream = memory.on(dOutput);
        run("attention_backward_query", WgslSources.ATTENTION_BACKWARD_QUERY, keyWidth, valueWidth, q.dim(0),
                q.dim(1), k.dim(1), new GpuData[] {qData, kData, vData, memory.on(output), memory.on(logSumExp),
                    upstream, data(dq), statistics});
        run("attention_backward_key", WgslSources.ATTENTION_BACKWARD_KEY, keyWidth, valueWidth, q.dim(0), k.dim(1),
                q.dim(1), new GpuData[] {qData, kData, vData, upstream, statistics, data(dk), data(dv)});
        memory.free(statistics);
        return new Tensor[] {dq, dk, dv};
    }

    /**
     * Records a kernel over the {@code rows} rows of each of {@code heads} heads, {@link #ROWS} a thread, each row
     * attending to (or attended by) {@code others} rows: parameters [0] threads, [1] rows, [2] others.
     */
    private void run(String op, String wgsl, int keyWidth, int valueWidth, int heads, int rows, int others,
            GpuData[] buffers) {
        int threads = heads * KernelRunner.ceilDiv(rows, ROWS);
        kernels.runGroups(op + "_" + keyWidth + "x" + valueWidth,
                () -> WgslConstants.with(WgslConstants.with(wgsl, "KEY_DIM", keyWidth), "VALUE_DIM", valueWidth),
                new int[] {threads, rows, others}, buffers, KernelRunner.ceilDiv(threads, GROUP));
    }

    private Tensor output(int... shape) {
        return GpuMemory.tensor(shape.clone(), memory.allocate(org.backprop.nn.Shapes.size(shape)));
    }

    private static GpuData data(Tensor deviceTensor) {
        return (GpuData) TensorInternals.deviceData(deviceTensor);
    }
}
