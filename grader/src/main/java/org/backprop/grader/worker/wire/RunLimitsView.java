package org.backprop.grader.worker.wire;

import java.time.Duration;
import org.backprop.grader.sandbox.RunLimits;

/**
 * The limits a student program runs under: wall and processor time, output, memory (counting everything the run
 * holds, not only the JavaScript heap) and processes plus threads.
 */
public record RunLimitsView(long wallTimeSeconds, long cpuTimeSeconds, int maxOutputBytes, int maxMemoryMegabytes,
        int maxProcesses) {

    /** Returns the sandbox's form of these limits. */
    public RunLimits toRunLimits() {
        return new RunLimits(Duration.ofSeconds(wallTimeSeconds), Duration.ofSeconds(cpuTimeSeconds), maxOutputBytes,
                maxMemoryMegabytes, maxProcesses);
    }
}
