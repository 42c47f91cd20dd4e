package org.backprop.web.gpu;

import org.teavm.jso.core.JSArray;

/**
 * Records kernel dispatches into one command encoder and one compute pass until something needs the
 * results on the host or the step ends; then submits them as one command buffer. WebGPU orders the
 * dispatches of a pass, so no barriers are needed between ops. Buffer copies cannot be recorded inside a
 * compute pass: a copy ends the pass, and the next dispatch begins a new one, ordered after the copy.
 */
final class CommandRecorder {
    private final GpuDevice device;
    private final BufferPool pool;
    private GpuCommandEncoder encoder;
    private GpuComputePassEncoder pass;
    private int submits;
    private int copies;

    CommandRecorder(GpuDevice device, BufferPool pool) {
        this.device = device;
        this.pool = pool;
    }

    /** Records one dispatch of {@code pipeline} over {@code bindings}. */
    void dispatch(GpuComputePipeline pipeline, GpuBindGroup bindings, int x, int y, int z) {
        if (pass == null) {
            if (encoder == null) {
                encoder = device.createCommandEncoder();
            }
            pass = encoder.beginComputePass();
        }
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindings);
        pass.dispatchWorkgroups(x, y, z);
    }

    /** Records a buffer-to-buffer copy after the dispatches recorded so far. */
    void copy(GpuBuffer source, int sourceOffset, GpuBuffer destination, int destinationOffset, int bytes) {
        endPass();
        if (encoder == null) {
            encoder = device.createCommandEncoder();
        }
        encoder.copyBufferToBuffer(source, sourceOffset, destination, destinationOffset, bytes);
        copies++;
    }

    /** Submits everything recorded, if anything was. */
    void submit() {
        if (encoder == null) {
            pool.commandsSubmitted();
            return;
        }
        endPass();
        device.getQueue().submit(JSArray.of(encoder.finish()));
        encoder = null;
        submits++;
        pool.commandsSubmitted();
    }

    /** Returns how many command buffers were submitted so far. */
    int submits() {
        return submits;
    }

    /** Returns how many buffer-to-buffer copies were recorded so far (readbacks and arena gathers). */
    int copies() {
        return copies;
    }

    private void endPass() {
        if (pass != null) {
            pass.end();
            pass = null;
        }
    }
}
