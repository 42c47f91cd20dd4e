package org.backprop.grader.sandbox;

import java.time.Duration;

/**
 * The limits one program run gets: wall time; processor time (all threads together, so Dawn's and SwiftShader's
 * workers count); bytes it may print (stdout and stderr together); memory, counting everything the run's processes
 * hold (the JavaScript heap, typed arrays outside it, the GPU driver's host memory); and processes plus threads.
 */
public record RunLimits(Duration wallTime, Duration cpuTime, int maxOutputBytes, int maxMemoryMegabytes,
        int maxProcesses) {
    /** Node, Dawn and SwiftShader start a few dozen threads; far fewer than this. */
    public static final int DEFAULT_MAX_PROCESSES = 256;

    public RunLimits {
        if (wallTime == null || wallTime.isNegative() || wallTime.isZero()) {
            throw new IllegalArgumentException("wallTime must be positive, got " + wallTime);
        }
        if (cpuTime == null || cpuTime.toSeconds() < 1) {
            throw new IllegalArgumentException("cpuTime must be at least 1 s, got " + cpuTime);
        }
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive, got " + maxOutputBytes);
        }
        if (maxMemoryMegabytes < 256) {
            throw new IllegalArgumentException("maxMemoryMegabytes must be at least 256 (Node and Dawn need about"
                    + " 100 MiB to start), got " + maxMemoryMegabytes);
        }
        if (maxProcesses < 32) {
            throw new IllegalArgumentException("maxProcesses must be at least 32, got " + maxProcesses);
        }
    }

    /** Limits with processor time of twice the wall time (a run uses a few cores) and the default process cap. */
    public RunLimits(Duration wallTime, int maxOutputBytes, int maxMemoryMegabytes) {
        this(wallTime, wallTime.multipliedBy(2), maxOutputBytes, maxMemoryMegabytes, DEFAULT_MAX_PROCESSES);
    }
}
