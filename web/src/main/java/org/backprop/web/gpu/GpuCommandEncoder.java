package org.backprop.web.gpu;

import org.teavm.jso.JSObject;

/** {@code GPUCommandEncoder}: records compute passes and copies into one command buffer. */
public interface GpuCommandEncoder extends JSObject {

    GpuComputePassEncoder beginComputePass();

    void copyBufferToBuffer(GpuBuffer source, int sourceOffset, GpuBuffer destination, int destinationOffset,
            int size);

    GpuCommandBuffer finish();
}
