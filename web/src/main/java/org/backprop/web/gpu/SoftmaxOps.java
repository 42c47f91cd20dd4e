package org.backprop.web.gpu;

import org.backprop.nn.Tensor;

/** Softmax and log softmax over the last axis ({@code softmax.wgsl}): a row per group of lanes, stable. */
final class SoftmaxOps {
    /** Threads per workgroup of {@code softmax.wgsl}; also the most lanes one row gets. */
    private static final int GROUP = 256;

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

    private Tensor rows(Tensor x, boolean log) {
        int width = x.dim(-1);
        Tensor out = GpuMemory.tensor(x.shape(), memory.allocate(x.size()));
        if (x.size() == 0) {
            return out;
        }
        int rows = x.size() / width;
        // About one lane per value up to a full workgroup: short rows share a workgroup, long ones get all of it.
        int lanes = 1;
        while (lanes < width && lanes < GROUP) {
            lanes *= 2;
        }
        int rowsPerGroup = GROUP / lanes;
        kernels.runGroups("softmax", WgslSources.SOFTMAX, new int[] {rows, width, log ? 1 : 0, lanes},
                new GpuData[] {memory.on(x), (GpuData) out.deviceData()}, (rows + rowsPerGroup - 1) / rowsPerGroup);
        return out;
    }
}
