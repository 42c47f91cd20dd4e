package org.backprop.web.gpu;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;

/** Builds the plain JavaScript descriptor objects that WebGPU's create methods take. */
final class Descriptors {
    /** {@code GPUBufferUsage} flags. */
    static final int MAP_READ = 0x0001;
    static final int COPY_SRC = 0x0004;
    static final int COPY_DST = 0x0008;
    static final int UNIFORM = 0x0040;
    static final int STORAGE = 0x0080;

    /** {@code GPUMapMode.READ}. */
    static final int MAP_MODE_READ = 0x0001;

    private Descriptors() {
    }

    @JSBody(params = "adapter", script = "return {requiredLimits: {"
            + " maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,"
            + " maxBufferSize: adapter.limits.maxBufferSize }};")
    static native JSObject deviceWithAdapterLimits(GpuAdapter adapter);

    @JSBody(params = {"size", "usage"}, script = "return {size: size, usage: usage};")
    static native JSObject buffer(int size, int usage);

    @JSBody(params = {"label", "code"}, script = "return {label: label, code: code};")
    static native JSObject shaderModule(String label, String code);

    @JSBody(params = {"label", "module"}, script =
            "return {label: label, layout: 'auto', compute: {module: module, entryPoint: 'main'}};")
    static native JSObject computePipeline(String label, GpuShaderModule module);

    /** Returns a bind-group resource: {@code size} bytes of {@code buffer} from {@code offset}. */
    @JSBody(params = {"buffer", "offset", "size"}, script = "return {buffer: buffer, offset: offset, size: size};")
    static native JSObject bufferBinding(GpuBuffer buffer, int offset, int size);

    /** Returns a bind group of {@link #bufferBinding} resources, bound at 0, 1, … in order. */
    @JSBody(params = {"layout", "resources"}, script =
            "return {layout: layout, entries: resources.map(function(r, i) { return {binding: i, resource: r}; })};")
    static native JSObject bindGroup(JSObject layout, JSArray<JSObject> resources);

    /**
     * Returns the device's limit {@code name} (e.g. {@code "minStorageBufferOffsetAlignment"}), capped at the
     * largest int, or {@code fallback} where the engine does not report it.
     */
    @JSBody(params = {"device", "name", "fallback"}, script =
            "const value = device.limits ? device.limits[name] : undefined;"
            + " return typeof value === 'number' ? Math.min(value, 2147483647) : fallback;")
    static native int limit(GpuDevice device, String name, int fallback);
}
