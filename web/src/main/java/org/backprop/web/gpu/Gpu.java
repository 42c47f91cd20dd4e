package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/** {@code navigator.gpu}: the entry point to WebGPU in browsers, workers and Node with Dawn. */
public interface Gpu extends JSObject {

    /** Returns a promise of an adapter, or of {@code null} when none fits. */
    JSPromise<GpuAdapter> requestAdapter();
}
