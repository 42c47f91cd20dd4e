package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/** {@code GPUAdapter}: one physical (or software) GPU. */
public interface GpuAdapter extends JSObject {

    JSPromise<GpuDevice> requestDevice();

    @JSProperty
    GpuAdapterInfo getInfo();
}
