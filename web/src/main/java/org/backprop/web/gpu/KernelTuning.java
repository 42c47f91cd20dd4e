package org.backprop.web.gpu;

/**
 * Which kernel designs suit the adapter. Under SwiftShader (WebGPU on the CPU, what CI and GPU-less laptops
 * run) a workgroup barrier costs more than the memory traffic it saves, so the matrix products keep their
 * operands in registers; hardware GPUs get the classic shared-memory tiles ({@code matmul_tiled.wgsl}). On an
 * H100 the tiled product ran 6-20x faster than the register one, under SwiftShader the register one 3-4x
 * faster (docs/benchmarks.md). Hardware GPUs also fuse attention only for narrower heads ({@link AttentionOps}).
 */
public enum KernelTuning {
    /** A CPU implementation of WebGPU: register-blocked kernels, no workgroup memory. */
    SOFTWARE,
    /** A GPU: shared-memory tiled matrix products. */
    HARDWARE;

    /** Names (lower case) by which software adapters describe themselves. */
    private static final String[] SOFTWARE_ADAPTERS = {"swiftshader", "llvmpipe", "lavapipe", "basic render", "warp"};

    /** Returns the tuning for the adapter {@code description} (as {@link WebGpu.Opened} reports it). */
    public static KernelTuning forAdapter(String description) {
        String name = description == null ? "" : description.toLowerCase();
        for (String software : SOFTWARE_ADAPTERS) {
            if (name.contains(software)) {
                return SOFTWARE;
            }
        }
        return HARDWARE;
    }
}
