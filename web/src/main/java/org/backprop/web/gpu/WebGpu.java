package org.backprop.web.gpu;

import org.teavm.jso.JSBody;

/**
 * Opens a WebGPU device. This is one of the few places that block on a JavaScript promise: it runs
 * once, before a program starts, never per kernel.
 */
public final class WebGpu {
    private WebGpu() {
    }

    /** Returns a device and a description of its adapter, or explains why none can be had. */
    public static Opened open() {
        Gpu gpu = navigatorGpu();
        if (gpu == null) {
            return Opened.unavailable("this JavaScript engine has no WebGPU (navigator.gpu is missing)");
        }
        GpuAdapter adapter;
        GpuDevice device;
        try {
            adapter = gpu.requestAdapter().await();
            if (adapter == null) {
                return Opened.unavailable("the browser found no WebGPU adapter");
            }
            // The adapter's own buffer size limits rather than WebGPU's defaults (128 MiB a binding), so that the
            // largest tensors a real GPU can hold fit in one buffer.
            device = adapter.requestDevice(Descriptors.deviceWithAdapterLimits(adapter)).await();
        } catch (RuntimeException failure) {
            return Opened.unavailable("the browser refused a WebGPU device"
                    + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")"));
        }
        return new Opened(device, describe(adapter.getInfo()), null);
    }

    private static String describe(GpuAdapterInfo info) {
        if (info == null) {
            return "unknown adapter";
        }
        String description = info.getDescription();
        if (description != null && !description.isEmpty()) {
            return description;
        }
        String vendor = info.getVendor();
        return vendor == null || vendor.isEmpty() ? "unknown adapter" : vendor + " " + info.getArchitecture();
    }

    @JSBody(script = "return (typeof navigator !== 'undefined' && navigator.gpu) ? navigator.gpu : null;")
    private static native Gpu navigatorGpu();

    /** The outcome of {@link #open()}: a device, or the reason there is none. */
    public static final class Opened {
        private final GpuDevice device;
        private final String adapterDescription;
        private final String unavailableReason;

        private Opened(GpuDevice device, String adapterDescription, String unavailableReason) {
            this.device = device;
            this.adapterDescription = adapterDescription;
            this.unavailableReason = unavailableReason;
        }

        static Opened unavailable(String reason) {
            return new Opened(null, null, reason);
        }

        /** Returns the device, or {@code null} when WebGPU is unavailable. */
        public GpuDevice device() {
            return device;
        }

        /** Returns what the adapter calls itself, e.g. "SwiftShader driver 5.0.0". */
        public String adapterDescription() {
            return adapterDescription;
        }

        /** Returns why no device could be opened, or {@code null} when one was. */
        public String unavailableReason() {
            return unavailableReason;
        }
    }
}
