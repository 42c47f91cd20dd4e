package org.backprop.grader.compile.worker;

import java.time.Duration;

/**
 * What one compile worker may use: its JVM's heap, and per compile the wall-clock time and the processor time of the
 * whole process (javac's and TeaVM's threads, the JIT and the garbage collector together).
 *
 * @param heapMegabytes the worker JVM's heap cap ({@code -Xmx}); a compile that needs more ends the worker
 * @param wallTime the longest one compile may take
 * @param cpuTime the most processor time one compile may use
 */
public record WorkerLimits(int heapMegabytes, Duration wallTime, Duration cpuTime) {
    /**
     * The defaults: a warm compile of a course program takes well under a second and 300 MiB, so these are far
     * from what students need and close enough to stop a constant-expression or type-inference bomb quickly.
     */
    public static final WorkerLimits DEFAULT = new WorkerLimits(768, Duration.ofSeconds(20), Duration.ofSeconds(15));

    public WorkerLimits {
        if (heapMegabytes < 64) {
            throw new IllegalArgumentException("A compile worker needs at least 64 MiB of heap, not " + heapMegabytes);
        }
        if (wallTime.isNegative() || wallTime.isZero() || cpuTime.isNegative() || cpuTime.isZero()) {
            throw new IllegalArgumentException("Compile time limits must be positive");
        }
    }
}
