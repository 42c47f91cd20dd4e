package org.backprop.web.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Software adapters get the register-blocked kernels, GPUs the shared-memory tiles. */
class KernelTuningTest {
    @Test
    void recognisesSoftwareAdaptersByTheirDescriptions() {
        // As Dawn in Node and Chromium describe SwiftShader, and as Mesa and Windows name theirs.
        for (String software : new String[] {"SwiftShader driver 5.0.0", "google swiftshader",
            "llvmpipe (LLVM 15.0.6, 256 bits)", "Microsoft Basic Render Driver"}) {
            assertEquals(KernelTuning.SOFTWARE, KernelTuning.forAdapter(software), software);
        }
    }

    @Test
    void treatsEveryOtherAdapterAsAGpu() {
        for (String gpu : new String[] {"NVIDIA H100 80GB HBM3", "nvidia hopper", "Apple M2", "unknown adapter"}) {
            assertEquals(KernelTuning.HARDWARE, KernelTuning.forAdapter(gpu), gpu);
        }
        assertEquals(KernelTuning.HARDWARE, KernelTuning.forAdapter(null));
    }
}
