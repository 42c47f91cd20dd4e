package org.backprop.web.gpu;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** {@code GPUAdapterInfo}: what the adapter says about itself; fields may be empty strings. */
public interface GpuAdapterInfo extends JSObject {

    @JSProperty
    String getVendor();

    @JSProperty
    String getArchitecture();

    @JSProperty
    String getDescription();
}
