package org.backprop.web.gpu;

import org.teavm.jso.JSObject;

/** {@code GPUBindGroup}: the buffers bound to a pipeline's bindings. */
public interface GpuBindGroup extends JSObject {

}
