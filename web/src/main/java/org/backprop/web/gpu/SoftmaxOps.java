package org.backprop.web.gpu;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * Softmax and log softmax over the last axis, stable (the row maximum is subtracted first): one thread per row
 * ({@code softmax.wgsl}), or for rows longer than {@link #WIDE} 32 lanes per row sharing the sums through
 * workgroup memory ({@code softmax_wide.wgsl}). Also the fused softmax cross-entropy and its gradient, one
 * thread per row ({@code softmax_cross_entropy*.wgsl}).
 */
final class SoftmaxOps {
    /** Rows longer than this get 32 lanes each. */
    private static final int WIDE = 256;
    /** Rows per workgroup of softmax_wide.wgsl. */
    private static final int WIDE_ROWS_PER_GROUP = 8;

    private final GpuMemory memory;
    private final KernelRunner kernels;

    SoftmaxOps(GpuMemory memory, KernelRunner kernels) {
        this.memory = memory;
        this.kernels = kernels;
    }

    /** See {@link org.backprop.nn.backend.Backend#softmax}. */
    Tensor softmax(Tensor x) {
        return rows(x, false);
    }

    /** See {@link org.backprop.nn.backend.Backend#logSoftmax}. */
    Tensor logSoftmax(Tensor x) {
        return rows(x, true);
    }

    /** See {@link org.backprop.nn.backend.Backend#softmaxCrossEntropy}. */
    Tensor softmaxCrossEntropy(Tensor logits, Tensor targets) {
        int width = logits.dim(-1);
        int rows = width == 0 ? 0 : logits.size() / width;
        Tensor loss = GpuMemory.tensor(new int[] {rows}, memory.allocate(rows));
        kernels.runElementwise("softmax_cross_entropy", () -> WgslSources.SOFTMAX_CROSS_ENTROPY,
                new int[] {rows, width},
                new GpuData[] {memory.on(logits), memory.on(targets), (GpuData) TensorInternals.deviceData(loss)},
                rows);
        return loss;
    }

    /** See {@link org.backprop.nn.backend.Backend#softmaxCrossEntropyBackward}. */
    Tensor softmaxCrossEntropyBackward(Tensor logits, Tensor targets, Tensor dLoss) {
        int width = logits.dim(-1);
        int rows = width == 0 ? 0 : logits.size() / width;
        Tensor gradient = GpuMemory.tensor(logits.shape(), memory.allocate(logits.size()));
        kernels.runElementwise("softmax_cross_entropy_backward", () -> WgslSources.SOFTMAX_CROSS_ENTROPY_BACKWARD,
                new int[] {rows, width}, new GpuData[] {memory.on(logits), memory.on(targets), memory.on(dLoss),
                    (GpuData) TensorInternals.deviceData(gradient)}, rows);
        return gradient;
    }

    private Tensor rows(Tensor x, boolean log) {
        int width = x.dim(-1);
        Tensor out = GpuMemory.tensor(x.shape(), memory.allocate(x.size()));
        if (x.size() == 0) {
            return out;
        }
        int rows = x.size() / width;
        int[] params = {rows, width, log ? 1 : 0};
        GpuData[] buffers = {memory.on(x), (GpuData) TensorInternals.deviceData(out)};
        if (width > WIDE) {
            kernels.runGroups("softmax_wide", () -> WgslSources.SOFTMAX_WIDE, params, buffers,
                    KernelRunner.ceilDiv(rows, WIDE_ROWS_PER_GROUP));
        } else {
            kernels.runElementwise("softmax", () -> WgslSources.SOFTMAX, params, buffers, rows);
        }
        return out;
    }
}
