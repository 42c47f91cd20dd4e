package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/** {@code GPUAdapter}: one physical (or software) GPU. */
public interface GpuAdapter extends JSObject {

    /** Returns a promise of a device; {@code descriptor} names the limits it needs (see {@code Descriptors}). */
    JSPromise<GpuDevice> requestDevice(JSObject descriptor);

    @JSProperty
    GpuAdapterInfo getInfo();
}
