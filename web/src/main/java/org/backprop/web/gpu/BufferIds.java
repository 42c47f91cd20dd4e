package org.backprop.web.gpu;

import org.teavm.jso.JSBody;

/**
 * Numbers for GPU buffers, kept on the JavaScript objects themselves (Java maps cannot key on JavaScript
 * objects): the bind group cache keys on them, and the buffer pool hands out the lowest-numbered free buffer.
 */
final class BufferIds {
    private static int next = 1;

    private BufferIds() {
    }

    /** Returns the buffer's number, giving it the next one on first sight. */
    static int of(GpuBuffer buffer) {
        int id = get(buffer);
        if (id == 0) {
            id = next++;
            set(buffer, id);
        }
        return id;
    }

    @JSBody(params = "buffer", script = "return buffer.backpropId | 0;")
    private static native int get(GpuBuffer buffer);

    @JSBody(params = {"buffer", "id"}, script = "buffer.backpropId = id;")
    private static native void set(GpuBuffer buffer, int id);
}
