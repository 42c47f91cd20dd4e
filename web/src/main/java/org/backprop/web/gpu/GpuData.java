package org.backprop.web.gpu;

import org.backprop.nn.backend.DeviceData;
import org.teavm.jso.JSObject;

/**
 * A tensor's values in a GPU storage buffer from the pool. Counts who keeps it beyond its step
 * ({@link GpuMemory#retain}); once freed its buffer belongs to the pool again and reading it fails unless the
 * tensor kept a host copy.
 */
final class GpuData implements DeviceData {
    final GpuBuffer buffer;
    /** Number of float values; the buffer may be larger (pool buckets). */
    final int length;
    private final GpuMemory memory;
    /** A JavaScript object the finalization registry watches for this data; see {@link GpuMemory}. */
    final JSObject finalizerToken;
    int retains;
    boolean freed;
    /** Values a batched readback already brought to the host, handed over by the next {@link #download}. */
    float[] fetched;

    GpuData(GpuBuffer buffer, int length, GpuMemory memory, JSObject finalizerToken) {
        this.buffer = buffer;
        this.length = length;
        this.memory = memory;
        this.finalizerToken = finalizerToken;
    }

    /** Returns the bytes the values take. */
    int byteLength() {
        return length * 4;
    }

    @Override
    public float[] download() {
        if (fetched != null) {
            float[] values = fetched;
            fetched = null;
            return values;
        }
        return memory.download(this);
    }
}
