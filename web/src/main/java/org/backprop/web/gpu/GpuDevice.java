package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/** {@code GPUDevice}: creates every other WebGPU object and owns the queue. */
public interface GpuDevice extends JSObject {

    @JSProperty
    GpuQueue getQueue();

    GpuBuffer createBuffer(JSObject descriptor);

    GpuShaderModule createShaderModule(JSObject descriptor);

    GpuComputePipeline createComputePipeline(JSObject descriptor);

    GpuBindGroup createBindGroup(JSObject descriptor);

    GpuCommandEncoder createCommandEncoder();

    void pushErrorScope(String filter);

    /** Returns a promise of the first error caught since the matching push, or of {@code null}. */
    JSPromise<GpuError> popErrorScope();

    /** Gives the device up at once; its {@code lost} promise then resolves with reason "destroyed". */
    void destroy();
}
