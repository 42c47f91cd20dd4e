package org.backprop.web.gpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Storage buffers by size, reused rather than created and destroyed for every op. A training step asks for
 * the same sizes every time, so after the first step it creates no buffers at all.
 *
 * <p>A buffer given back may still be named by commands that are recorded but not yet submitted; it becomes
 * available again only after the next submit ({@link #commandsSubmitted()}), so that an upload into a
 * reused buffer can never overtake the commands that read its old contents.
 */
final class BufferPool {
    /** Sizes are rounded up to this, so that nearby sizes share buckets. */
    private static final int GRANULE = 256;

    private final GpuDevice device;
    private final Map<Integer, List<GpuBuffer>> free = new HashMap<>();
    private final List<GpuBuffer> givenBackBeforeSubmit = new ArrayList<>();
    private final List<Integer> givenBackSizes = new ArrayList<>();
    private int liveBuffers;
    private long liveBytes;
    private int createdBuffers;

    BufferPool(GpuDevice device) {
        this.device = device;
    }

    /** Returns the byte size a request for {@code bytes} is served with. */
    static int bucket(int bytes) {
        return Math.max(GRANULE, (bytes + GRANULE - 1) / GRANULE * GRANULE);
    }

    /** Returns a storage buffer of at least {@code bytes}, reused when one is free. */
    GpuBuffer acquire(int bytes) {
        int size = bucket(bytes);
        List<GpuBuffer> bucket = free.get(size);
        liveBuffers++;
        liveBytes += size;
        if (bucket != null && !bucket.isEmpty()) {
            return bucket.remove(lowestNumbered(bucket));
        }
        createdBuffers++;
        return device.createBuffer(Descriptors.buffer(size,
                Descriptors.STORAGE | Descriptors.COPY_SRC | Descriptors.COPY_DST));
    }

    /**
     * Returns the index of the lowest-numbered buffer: which buffer a request gets then depends only on which
     * are free, not on the order they came back in, so every training step gets the same buffers as the one
     * before and reuses its bind groups ({@link BindGroupCache}).
     */
    private static int lowestNumbered(List<GpuBuffer> buffers) {
        int lowest = 0;
        for (int i = 1; i < buffers.size(); i++) {
            if (BufferIds.of(buffers.get(i)) < BufferIds.of(buffers.get(lowest))) {
                lowest = i;
            }
        }
        return lowest;
    }

    /** Takes back a buffer {@link #acquire}d for {@code bytes}; reusable after the next submit. */
    void giveBack(GpuBuffer buffer, int bytes) {
        int size = bucket(bytes);
        liveBuffers--;
        liveBytes -= size;
        givenBackBeforeSubmit.add(buffer);
        givenBackSizes.add(size);
    }

    /** Makes the buffers given back before the submit that just happened available again. */
    void commandsSubmitted() {
        for (int i = 0; i < givenBackBeforeSubmit.size(); i++) {
            free.computeIfAbsent(givenBackSizes.get(i), size -> new ArrayList<>()).add(givenBackBeforeSubmit.get(i));
        }
        givenBackBeforeSubmit.clear();
        givenBackSizes.clear();
    }

    /** Returns how many buffers are handed out and not yet given back. */
    int liveBuffers() {
        return liveBuffers;
    }

    /** Returns the bytes of the buffers handed out and not yet given back. */
    long liveBytes() {
        return liveBytes;
    }

    /** Returns how many buffers were ever created (pooled ones included). */
    int createdBuffers() {
        return createdBuffers;
    }
}
