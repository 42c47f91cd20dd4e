package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * {@code GPUBuffer}: a block of GPU memory. Mapping ({@code mapAsync}) goes through {@code GpuMemory}, which
 * tells a lost device from other failures.
 */
public interface GpuBuffer extends JSObject {

    ArrayBuffer getMappedRange();

    void unmap();

    void destroy();
}
