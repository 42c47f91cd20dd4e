package org.backprop.web.gpu;

import org.backprop.nn.internal.DeviceData;
import org.teavm.jso.JSObject;

/**
 * A tensor's values in GPU memory: a storage buffer of its own from the pool, or a view into a
 * {@link GpuArena} (a segment from {@link #offset}). Counts who keeps it beyond its step
 * ({@link GpuMemory#retain}); once freed its buffer (or its share of the arena) belongs to the pool again and
 * reading it fails unless the tensor kept a host copy.
 */
final class GpuData implements DeviceData {
    final GpuBuffer buffer;
    /** Where the values start in {@link #buffer}, in bytes: 0, or a multiple of the storage offset alignment. */
    final int offset;
    /** Number of float values; the buffer (or segment) may be larger (pool buckets). */
    final int length;
    /** The arena this is a view of, or {@code null} when the buffer is its own. */
    final GpuArena arena;
    private final GpuMemory memory;
    /** A JavaScript object the finalization registry watches for this data; see {@link GpuMemory}. */
    final JSObject finalizerToken;
    int retains;
    boolean freed;
    /** Values a batched readback already brought to the host, handed over by the next {@link #download}. */
    float[] fetched;

    GpuData(GpuBuffer buffer, int offset, int length, GpuArena arena, GpuMemory memory, JSObject finalizerToken) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.arena = arena;
        this.memory = memory;
        this.finalizerToken = finalizerToken;
    }

    /** Returns the bytes the values take. */
    int byteLength() {
        return length * 4;
    }

    /**
     * Returns the bytes from {@link #offset} that belong to this data: the pool bucket of its own buffer, or its
     * arena segment (never smaller). Kernels bind this much, so they may read a little past the values.
     */
    int paddedBytes() {
        return paddedBytes(length);
    }

    /** Returns the bytes a buffer or arena segment for {@code length} floats takes. */
    static int paddedBytes(int length) {
        return BufferPool.bucket(Math.max(1, length) * 4);
    }

    /** Returns the range a kernel binds for these values. */
    BufferRange range() {
        return new BufferRange(buffer, offset, paddedBytes());
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
