package org.backprop.web.gpu;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Normalization;
import org.backprop.nn.internal.TensorInternals;

/**
 * Batch and layer normalisation, forward and backward, for x viewed as {@code [rows, channels]}. Batch
 * normalisation reduces over rows (32,768 of them for a 32 × 32 feature map of 32 images): chunks of about
 * √rows rows, one thread per chunk and channel ({@code norm_statistics.wgsl}, {@code norm_gradient_sums.wgsl}),
 * then one thread per channel over the chunks ({@code norm_merge.wgsl}), skipped when one chunk covers the rows;
 * the normalisation and dx are element-wise ({@code batch_norm_apply*.wgsl}, {@code batch_norm_backward*.wgsl},
 * vec4 when channels are a multiple of 4). Layer normalisation takes one thread per row
 * ({@code layer_norm*.wgsl}), and its d gamma and d beta sum over rows as batch normalisation's do. Forward:
 * 2–3 dispatches for batch normalisation, 1 for layer normalisation; backward: 2–3 either way.
 */
final class NormalizationOps {
    /** Rows at most this many take one chunk: a single pass, no merge. */
    private static final int ONE_PASS = 1024;

    private final GpuMemory memory;
    private final KernelRunner kernels;

    NormalizationOps(GpuMemory memory, KernelRunner kernels) {
        this.memory = memory;
        this.kernels = kernels;
    }

    /** See {@link org.backprop.nn.backend.Backend#normalize}. */
    Tensor[] normalize(Normalization kind, Tensor x, Tensor gamma, Tensor beta, float epsilon) {
        int channels = x.dim(-1);
        int rows = channels == 0 ? 0 : x.size() / channels;
        int[] statisticsShape = {kind.statistics(x.shape())};
        Tensor mean = GpuMemory.tensor(statisticsShape, memory.allocate(statisticsShape[0]));
        Tensor variance = GpuMemory.tensor(statisticsShape, memory.allocate(statisticsShape[0]));
        Tensor y = GpuMemory.tensor(x.shape(), memory.allocate(x.size()));
        if (x.size() == 0) {
            return new Tensor[] {y, mean, variance};
        }
        int epsilonBits = Float.floatToIntBits(epsilon);
        if (kind == Normalization.LAYER) {
            kernels.runElementwise("layer_norm", () -> WgslSources.LAYER_NORM, new int[] {rows, channels, epsilonBits},
                    new GpuData[] {memory.on(x), memory.on(gamma), memory.on(beta), data(y), data(mean),
                        data(variance)}, rows);
        } else {
            int chunkLength = chunkLength(rows);
            int chunks = KernelRunner.ceilDiv(rows, chunkLength);
            GpuData[] partials = chunks == 1 ? new GpuData[] {data(mean), data(variance)} : partials(chunks, channels);
            kernels.runElementwise("norm_statistics", () -> WgslSources.NORM_STATISTICS,
                    new int[] {rows, channels, chunkLength, chunks},
                    new GpuData[] {memory.on(x), partials[0], partials[1]}, chunks * channels);
            merge(true, partials, data(mean), data(variance), rows, channels, chunkLength, chunks);
            apply(x, mean, variance, gamma, beta, epsilon, y);
        }
        return new Tensor[] {y, mean, variance};
    }

    /** See {@link org.backprop.nn.backend.Backend#normalizeBackward}. */
    Tensor[] normalizeBackward(Normalization kind, Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor dy,
            float epsilon) {
        int channels = x.dim(-1);
        int rows = channels == 0 ? 0 : x.size() / channels;
        Tensor dx = GpuMemory.tensor(x.shape(), memory.allocate(x.size()));
        Tensor dGamma = GpuMemory.tensor(gamma.shape(), memory.allocate(channels));
        Tensor dBeta = GpuMemory.tensor(gamma.shape(), memory.allocate(channels));
        if (x.size() == 0) {
            return new Tensor[] {dx, dGamma, dBeta};
        }
        int epsilonBits = Float.floatToIntBits(epsilon);
        boolean layer = kind == Normalization.LAYER;
        int chunkLength = chunkLength(rows);
        int chunks = KernelRunner.ceilDiv(rows, chunkLength);
        GpuData[] partials = chunks == 1 ? new GpuData[] {data(dGamma), data(dBeta)} : partials(chunks, channels);
        kernels.runElementwise("norm_gradient_sums_" + kind,
                () -> WgslConstants.with(WgslSources.NORM_GRADIENT_SUMS, "PER_ROW", layer),
                new int[] {rows, channels, chunkLength, chunks, epsilonBits}, new GpuData[] {memory.on(x),
                    memory.on(dy), memory.on(mean), memory.on(variance), partials[0], partials[1]}, chunks * channels);
        merge(false, partials, data(dGamma), data(dBeta), rows, channels, chunkLength, chunks);
        if (layer) {
            kernels.runElementwise("layer_norm_backward", () -> WgslSources.LAYER_NORM_BACKWARD,
                    new int[] {rows, channels, epsilonBits}, new GpuData[] {memory.on(x), memory.on(dy),
                        memory.on(mean), memory.on(variance), memory.on(gamma), data(dx)}, rows);
        } else {
            boolean vec4 = channels % 4 == 0;
            int lanes = vec4 ? 4 : 1;
            kernels.runElementwise(vec4 ? "batch_norm_backward_vec4" : "batch_norm_backward",
                    vec4 ? () -> WgslSources.BATCH_NORM_BACKWARD_VEC4 : () -> WgslSources.BATCH_NORM_BACKWARD,
                    new int[] {x.size() / lanes, channels / lanes, rows, epsilonBits}, new GpuData[] {memory.on(x),
                        memory.on(dy), memory.on(mean), memory.on(variance), memory.on(gamma), data(dGamma),
                        data(dBeta), data(dx)}, x.size() / lanes);
        }
        return new Tensor[] {dx, dGamma, dBeta};
    }

    /** See {@link org.backprop.nn.backend.Backend#normalizeWith}. */
    Tensor normalizeWith(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta, float epsilon) {
        Tensor y = GpuMemory.tensor(x.shape(), memory.allocate(x.size()));
        apply(x, mean, variance, gamma, beta, epsilon, y);
        return y;
    }

    private void apply(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta, float epsilon, Tensor y) {
        int channels = x.dim(-1);
        boolean vec4 = channels % 4 == 0;
        int lanes = vec4 ? 4 : 1;
        kernels.runElementwise(vec4 ? "batch_norm_apply_vec4" : "batch_norm_apply",
                vec4 ? () -> WgslSources.BATCH_NORM_APPLY_VEC4 : () -> WgslSources.BATCH_NORM_APPLY,
                new int[] {x.size() / lanes, channels / lanes, Float.floatToIntBits(epsilon)},
                new GpuData[] {memory.on(x), memory.on(mean), memory.on(variance), memory.on(gamma), memory.on(beta),
                    data(y)}, x.size() / lanes);
    }

    /** Combines per-chunk results into {@code first} and {@code second}; nothing to do for one chunk. */
    private void merge(boolean statistics, GpuData[] partials, GpuData first, GpuData second, int rows, int channels,
            int chunkLength, int chunks) {
        if (chunks == 1) {
            return;
        }
        kernels.runElementwise(statistics ? "norm_merge_statistics" : "norm_merge_sums",
                () -> WgslConstants.with(WgslSources.NORM_MERGE, "STATISTICS", statistics),
                new int[] {channels, chunks, rows, chunkLength}, new GpuData[] {partials[0], partials[1], first, second},
                channels);
    }

    private GpuData[] partials(int chunks, int channels) {
        return new GpuData[] {memory.allocate(chunks * channels), memory.allocate(chunks * channels)};
    }

    /**
     * Returns the rows per chunk: all of them up to {@link #ONE_PASS}, else about √rows, so that as many threads
     * share a channel as each sums rows and the merge is as short as a chunk.
     */
    private static int chunkLength(int rows) {
        return rows <= ONE_PASS ? Math.max(rows, 1) : (int) Math.ceil(Math.sqrt(rows));
    }

    private static GpuData data(Tensor tensor) {
        return (GpuData) TensorInternals.deviceData(tensor);
    }
}
