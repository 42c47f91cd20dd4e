package org.backprop.web.gpu;

import org.teavm.jso.JSObject;

/** {@code GPUShaderModule}: compiled WGSL. */
public interface GpuShaderModule extends JSObject {

}
