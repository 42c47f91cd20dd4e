package org.backprop.web.gpu;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.TensorInternals;

/**
 * Matrix products, single and batched, every transpose variant, and the fused Dense forward (product, bias and
 * activation in the kernel's epilogue): {@code matmul.wgsl} (registers only) on software adapters,
 * {@code matmul_tiled.wgsl} (shared-memory tiles) on GPUs; see {@link KernelTuning}.
 */
final class ProductOps {
    /** The output tile one workgroup of either kernel computes. */
    private static final int TILE = 64;

    private final GpuMemory memory;
    private final KernelRunner kernels;
    private final CpuBackend cpu;
    private final String kernelName;
    private final String kernelSource;

    ProductOps(GpuMemory memory, KernelRunner kernels, CpuBackend cpu, KernelTuning tuning) {
        this.memory = memory;
        this.kernels = kernels;
        this.cpu = cpu;
        boolean tiled = tuning == KernelTuning.HARDWARE;
        this.kernelName = tiled ? "matmul_tiled" : "matmul";
        this.kernelSource = tiled ? WgslSources.MATMUL_TILED : WgslSources.MATMUL;
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

    /** See {@link org.backprop.nn.backend.Backend#dense}. */
    Tensor dense(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter) {
        int m = x.dim(0);
        int n = kernel.dim(1);
        return product(x, false, kernel, false, 1, m, x.dim(1), n, new int[] {m, n}, bias,
                Epilogues.activationCode(activation), Float.floatToIntBits(parameter));
    }

    private Tensor product(Tensor a, boolean transposeA, Tensor b, boolean transposeB, int batch, int m, int k,
            int n, int[] shape) {
        return product(a, transposeA, b, transposeB, batch, m, k, n, shape, null, 0, 0);
    }

    private Tensor product(Tensor a, boolean transposeA, Tensor b, boolean transposeB, int batch, int m, int k,
            int n, int[] shape, Tensor bias, int activation, int parameterBits) {
        Tensor out = GpuMemory.tensor(shape, memory.allocate(batch * m * n));
        int flags = (transposeA ? 1 : 0) | (transposeB ? 2 : 0) | (bias != null ? Epilogues.ADD_BIAS : 0);
        GpuData bData = memory.on(b);
        // Without a bias the kernel reads no bias values; b stands in for the binding.
        GpuData biasData = bias != null ? memory.on(bias) : bData;
        kernels.run(kernelName, () -> kernelSource, new int[] {m, k, n, flags, activation, parameterBits},
                new GpuData[] {memory.on(a), bData, biasData, (GpuData) TensorInternals.deviceData(out)},
                KernelRunner.ceilDiv(n, TILE), KernelRunner.ceilDiv(m, TILE), batch);
        return out;
    }
}
