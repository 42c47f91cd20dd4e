package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.ArrayBufferView;

/** {@code GPUQueue}: where command buffers and buffer uploads are submitted. */
public interface GpuQueue extends JSObject {

    void submit(JSArray<GpuCommandBuffer> commandBuffers);

    void writeBuffer(GpuBuffer buffer, int bufferOffset, ArrayBufferView data);
}
