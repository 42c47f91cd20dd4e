package org.backprop.web.gpu;

/** A byte range of a storage buffer that a kernel binds: {@code size} bytes from {@code offset}. */
final class BufferRange {
    final GpuBuffer buffer;
    final int offset;
    final int size;

    BufferRange(GpuBuffer buffer, int offset, int size) {
        this.buffer = buffer;
        this.offset = offset;
        this.size = size;
    }
}
