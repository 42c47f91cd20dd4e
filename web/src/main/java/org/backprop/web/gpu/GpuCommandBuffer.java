package org.backprop.web.gpu;

import org.teavm.jso.JSObject;

/** {@code GPUCommandBuffer}: recorded commands, ready to submit. */
public interface GpuCommandBuffer extends JSObject {

}
