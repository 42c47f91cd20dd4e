package org.backprop.nn.backend.cpu;

import java.util.function.IntConsumer;

/**
 * How the CPU backend spreads independent pieces of work (images of a batch, blocks of matrix rows) over
 * threads. Work is always cut into the same pieces, whatever the number of threads, so results are bit for
 * bit the same on every machine.
 */
public interface Parallelism {

    /** Runs {@code task} for 0, 1, …, {@code count} − 1, in any order, and returns when all have run. */
    void forEach(int count, IntConsumer task);

    /** One thread: what TeaVM, which has no threads to offer, always uses. */
    Parallelism SEQUENTIAL = (count, task) -> {
        for (int i = 0; i < count; i++) {
            task.accept(i);
        }
    };
}
