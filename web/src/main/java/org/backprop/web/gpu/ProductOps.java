package org.backprop.web.gpu;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.cpu.CpuBackend;

/** Matrix products, single and batched, every transpose variant ({@code matmul.wgsl}). */
final class ProductOps {
    /** The output tile one workgroup of {@code matmul.wgsl} computes. */
    private static final int TILE = 64;

    private final GpuMemory memory;
    private final KernelRunner kernels;
    private final CpuBackend cpu;

    ProductOps(GpuMemory memory, KernelRunner kernels, CpuBackend cpu) {
        this.memory = memory;
        this.kernels = kernels;
        this.cpu = cpu;
    }

    /** See {@link org.backprop.nn.backend.Backend#matmul}. */
    Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        int m = transposeA ? a.dim(1) : a.dim(0);
        int k = transposeA ? a.dim(0) : a.dim(1);
        int n = transposeB ? b.dim(0) : b.dim(1);
        return product(a, transposeA, b, transposeB, 1, m, k, n, new int[] {m, n});
    }

    /** See {@link org.backprop.nn.backend.Backend#batchMatmul}. */
    Tensor batchMatmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        int batch = a.dim(0);
        if (batch > KernelRunner.MAX_GROUPS) {
            return cpu.batchMatmul(a, transposeA, b, transposeB);
        }
        int m = transposeA ? a.dim(2) : a.dim(1);
        int k = transposeA ? a.dim(1) : a.dim(2);
        int n = transposeB ? b.dim(1) : b.dim(2);
        return product(a, transposeA, b, transposeB, batch, m, k, n, new int[] {batch, m, n});
    }

    private Tensor product(Tensor a, boolean transposeA, Tensor b, boolean transposeB, int batch, int m, int k,
            int n, int[] shape) {
        Tensor out = GpuMemory.tensor(shape, memory.allocate(batch * m * n));
        int flags = (transposeA ? 1 : 0) | (transposeB ? 2 : 0);
        kernels.run("matmul", WgslSources.MATMUL, new int[] {m, k, n, flags},
                new GpuData[] {memory.on(a), memory.on(b), (GpuData) out.deviceData()}, KernelRunner.ceilDiv(n, TILE),
                KernelRunner.ceilDiv(m, TILE), batch);
        return out;
    }
}
