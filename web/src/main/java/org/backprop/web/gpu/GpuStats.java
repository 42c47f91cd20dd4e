package org.backprop.web.gpu;

/**
 * Counters of the WebGPU backend, for tests and benchmarks: live pool buffers and their bytes, buffers ever
 * created, command buffers submitted and kernels dispatched.
 */
public final class GpuStats {
    private final int liveBuffers;
    private final long liveBytes;
    private final int createdBuffers;
    private final int submits;
    private final int dispatches;

    GpuStats(int liveBuffers, long liveBytes, int createdBuffers, int submits, int dispatches) {
        this.liveBuffers = liveBuffers;
        this.liveBytes = liveBytes;
        this.createdBuffers = createdBuffers;
        this.submits = submits;
        this.dispatches = dispatches;
    }

    public int liveBuffers() {
        return liveBuffers;
    }

    public long liveBytes() {
        return liveBytes;
    }

    public int createdBuffers() {
        return createdBuffers;
    }

    public int submits() {
        return submits;
    }

    public int dispatches() {
        return dispatches;
    }
}
