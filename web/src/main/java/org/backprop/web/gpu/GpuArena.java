package org.backprop.web.gpu;

/**
 * One pool buffer that several tensors share as views ({@link GpuData} with a byte offset): the result of one
 * fused optimizer update, laid out as {@code regions} regions of {@code regionBytes} each (the new weights,
 * then each slot), every weight a segment at the same place in each region. The buffer goes back to the pool
 * only when the last view is freed, so an old weight kept for a snapshot keeps its whole arena alive.
 */
final class GpuArena {
    /** Names the arena in finalization-registry entries, which must not reference Java objects. */
    final int id;
    final GpuBuffer buffer;
    /** The bytes acquired from the pool. */
    final int bytes;
    final int regionBytes;
    final int regions;
    /** Views not yet freed. */
    int liveViews;

    GpuArena(int id, GpuBuffer buffer, int regionBytes, int regions, int views) {
        this.id = id;
        this.buffer = buffer;
        this.bytes = regionBytes * regions;
        this.regionBytes = regionBytes;
        this.regions = regions;
        this.liveViews = views;
    }
}
