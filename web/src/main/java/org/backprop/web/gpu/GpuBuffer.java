package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** {@code GPUBuffer}: a block of GPU memory. */
public interface GpuBuffer extends JSObject {

    JSPromise<JSObject> mapAsync(int mode);

    ArrayBuffer getMappedRange();

    void unmap();

    void destroy();
}
