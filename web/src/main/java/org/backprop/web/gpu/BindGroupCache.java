package org.backprop.web.gpu;

import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;

/**
 * The bind groups of recorded dispatches, reused when a kernel binds the same parameter block and buffer ranges
 * again. A training step asks for the same kernels over the same pooled buffers every time, and creating a bind
 * group was the largest JavaScript cost of recording a dispatch through Dawn on a real GPU (docs/benchmarks.md).
 * Storage buffers are pooled and never destroyed, so a cached group never names a destroyed buffer.
 */
final class BindGroupCache {
    /** Entries kept before the cache starts over, so that shapes changing every step cannot grow it forever. */
    private static final int MAX_ENTRIES = 8192;

    private final GpuDevice device;
    private final Map<IntArrayKey, GpuBindGroup> groups = new HashMap<>();
    private int created;

    BindGroupCache(GpuDevice device) {
        this.device = device;
    }

    /** Returns a bind group of {@code kernel} over the parameter block (binding 0) and the ranges (1…). */
    GpuBindGroup bindGroup(KernelCache.Kernel kernel, GpuBuffer parameters, int parameterBytes, BufferRange[] ranges) {
        int[] key = new int[2 + 3 * ranges.length];
        key[0] = kernel.id;
        key[1] = BufferIds.of(parameters);
        for (int i = 0; i < ranges.length; i++) {
            key[2 + 3 * i] = BufferIds.of(ranges[i].buffer);
            key[3 + 3 * i] = ranges[i].offset;
            key[4 + 3 * i] = ranges[i].size;
        }
        IntArrayKey lookup = new IntArrayKey(key); // key is a fresh array: the map may keep it
        GpuBindGroup group = groups.get(lookup);
        if (group == null) {
            if (groups.size() >= MAX_ENTRIES) {
                groups.clear();
            }
            JSArray<JSObject> bindings = JSArray.create();
            bindings.push(Descriptors.bufferBinding(parameters, 0, parameterBytes));
            for (BufferRange range : ranges) {
                bindings.push(Descriptors.bufferBinding(range.buffer, range.offset, range.size));
            }
            group = device.createBindGroup(Descriptors.bindGroup(kernel.layout, bindings));
            groups.put(lookup, group);
            created++;
        }
        return group;
    }

    /** Returns how many bind groups were created, over the cache's whole life. */
    int created() {
        return created;
    }
}
