package org.backprop.web.gpu;

import org.teavm.jso.JSObject;

/** {@code GPUComputePassEncoder}: records kernel dispatches. */
public interface GpuComputePassEncoder extends JSObject {

    void setPipeline(GpuComputePipeline pipeline);

    void setBindGroup(int index, GpuBindGroup bindGroup);

    void dispatchWorkgroups(int x, int y, int z);

    void end();
}
