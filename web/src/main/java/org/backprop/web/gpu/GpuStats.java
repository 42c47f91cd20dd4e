package org.backprop.web.gpu;

/**
 * Counters of the WebGPU backend, for tests and benchmarks: live pool buffers and their bytes, buffers ever
 * created, bind groups created, command buffers submitted, kernels dispatched, buffer-to-buffer copies recorded (readbacks, and
 * the gathers of an optimizer update into its arenas), and readbacks (each a submit and a wait of its own:
 * a training step submits once, plus once per readback of an op that still runs on the CPU).
 */
public final class GpuStats {
    private final int liveBuffers;
    private final long liveBytes;
    private final int createdBuffers;
    private final int createdBindGroups;
    private final int submits;
    private final int dispatches;
    private final int copies;
    private final int readbacks;

    GpuStats(int liveBuffers, long liveBytes, int createdBuffers, int createdBindGroups, int submits, int dispatches,
            int copies, int readbacks) {
        this.liveBuffers = liveBuffers;
        this.liveBytes = liveBytes;
        this.createdBuffers = createdBuffers;
        this.createdBindGroups = createdBindGroups;
        this.submits = submits;
        this.dispatches = dispatches;
        this.copies = copies;
        this.readbacks = readbacks;
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

    public int createdBindGroups() {
        return createdBindGroups;
    }

    public int submits() {
        return submits;
    }

    public int dispatches() {
        return dispatches;
    }

    public int copies() {
        return copies;
    }

    public int readbacks() {
        return readbacks;
    }

    @Override
    public String toString() {
        return "{\"liveBuffers\": " + liveBuffers + ", \"liveBytes\": " + liveBytes + ", \"createdBuffers\": "
                + createdBuffers + ", \"createdBindGroups\": " + createdBindGroups + ", \"submits\": " + submits + ", \"dispatches\": " + dispatches
                + ", \"copies\": " + copies + ", \"readbacks\": " + readbacks + "}";
    }
}
