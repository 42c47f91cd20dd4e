package org.backprop.web.gpu;

import org.teavm.jso.JSObject;

/** {@code GPUComputePipeline}: a compiled compute kernel with its layout. */
public interface GpuComputePipeline extends JSObject {

    JSObject getBindGroupLayout(int index);
}
