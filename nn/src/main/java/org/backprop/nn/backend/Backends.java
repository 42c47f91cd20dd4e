package org.backprop.nn.backend;

import org.backprop.nn.backend.cpu.CpuBackend;

/**
 * Holds the backend that layers compute with. A program starts on the CPU backend; the browser and
 * grader runtimes install the WebGPU backend before the student's {@code main} runs.
 *
 * <p>Not thread-safe: student programs are single-threaded (TeaVM has no threads to offer).
 */
public final class Backends {
    private static Backend current = new CpuBackend();

    private Backends() {
    }

    /** Returns the backend layers compute with now. */
    public static Backend current() {
        return current;
    }

    /** Makes {@code backend} the one layers compute with from now on. */
    public static void use(Backend backend) {
        if (backend == null) {
            throw new IllegalArgumentException("backend must not be null");
        }
        current = backend;
    }
}
