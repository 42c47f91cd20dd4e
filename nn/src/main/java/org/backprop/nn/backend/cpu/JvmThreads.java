package org.backprop.nn.backend.cpu;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs the CPU backend's pieces of work on the JVM's common fork-join pool. JVM only: nothing that TeaVM
 * compiles may reach this class, so only {@link CpuBackend#multiThreaded()} refers to it.
 */
final class JvmThreads implements Parallelism {

    @Override
    public void forEach(int count, IntConsumer task) {
        if (count <= 1) {
            SEQUENTIAL.forEach(count, task);
            return;
        }
        IntStream.range(0, count).parallel().forEach(task);
    }
}
