package org.backprop.web.gpu;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.teavm.jso.JSObject;

/** Compiles each WGSL kernel once per device and reports a kernel that fails to compile by its op name. */
final class KernelCache {
    private final GpuDevice device;
    private final Map<String, Kernel> kernels = new HashMap<>();

    KernelCache(GpuDevice device) {
        this.device = device;
    }

    /** A compiled kernel and the layout of its bindings. */
    static final class Kernel {
        final GpuComputePipeline pipeline;
        final JSObject layout;
        /** This kernel's number on its device, for keys of the bind group cache. */
        final int id;

        Kernel(GpuComputePipeline pipeline, int id) {
            this.pipeline = pipeline;
            this.id = id;
            this.layout = pipeline.getBindGroupLayout(0);
        }
    }

    /**
     * Returns {@code op}'s kernel, compiling it on first use. The source is asked for only then: building a
     * variant's source (setting its pipeline constants in several kilobytes of WGSL) on every dispatch cost more
     * JavaScript time than the rest of a training step's recording.
     */
    Kernel kernel(String op, Supplier<String> wgsl) {
        Kernel kernel = kernels.get(op);
        if (kernel == null) {
            device.pushErrorScope("validation");
            GpuShaderModule module = device.createShaderModule(Descriptors.shaderModule(op, wgsl.get()));
            GpuComputePipeline pipeline = device.createComputePipeline(Descriptors.computePipeline(op, module));
            GpuError error = device.popErrorScope().await();
            if (error != null) {
                throw new IllegalStateException("The WebGPU kernel for op '" + op + "' failed to compile: "
                        + error.getMessage());
            }
            kernel = new Kernel(pipeline, kernels.size() + 1);
            kernels.put(op, kernel);
        }
        return kernel;
    }
}
