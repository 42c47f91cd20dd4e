package org.backprop.nn.backend;

import org.backprop.nn.internal.BackendInternals;

/**
 * Tells layers, ops and optimizers which backend they compute with. A program starts on the CPU backend; the
 * browser and grader runtimes install the WebGPU backend before the student's {@code main} runs, through
 * {@link BackendInternals#use}, which programs cannot call.
 *
 * <p>Not thread-safe: student programs are single-threaded (TeaVM has no threads to offer).
 */
public final class Backends {

    private Backends() {
    }

    /** Returns the backend layers compute with now. */
    public static Backend current() {
        return BackendInternals.current();
    }
}
