package org.backprop.web.gpu;

import java.util.HashMap;
import java.util.Map;

/** Compiles each WGSL kernel once per device and reports a kernel that fails to compile by its op name. */
final class KernelCache {
    private final GpuDevice device;
    private final Map<String, GpuComputePipeline> pipelines = new HashMap<>();

    KernelCache(GpuDevice device) {
        this.device = device;
    }

    GpuComputePipeline pipeline(String op, String wgsl) {
        GpuComputePipeline pipeline = pipelines.get(op);
        if (pipeline == null) {
            device.pushErrorScope("validation");
            GpuShaderModule module = device.createShaderModule(Descriptors.shaderModule(op, wgsl));
            pipeline = device.createComputePipeline(Descriptors.computePipeline(op, module));
            GpuError error = device.popErrorScope().await();
            if (error != null) {
                throw new IllegalStateException("The WebGPU kernel for op '" + op + "' failed to compile: "
                        + error.getMessage());
            }
            pipelines.put(op, pipeline);
        }
        return pipeline;
    }
}
