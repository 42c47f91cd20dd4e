package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** {@code GPUError}: a validation, out-of-memory or internal error caught by an error scope. */
public interface GpuError extends JSObject {

    @JSProperty
    String getMessage();
}
