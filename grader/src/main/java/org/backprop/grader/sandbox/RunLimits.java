package org.backprop.grader.sandbox;

import java.time.Duration;

/**
 * The limits one program run gets: wall time, bytes it may print (stdout and stderr together), and the
 * JavaScript heap.
 */
public record RunLimits(Duration wallTime, int maxOutputBytes, int maxHeapMegabytes) {

    public RunLimits {
        if (wallTime == null || wallTime.isNegative() || wallTime.isZero()) {
            throw new IllegalArgumentException("wallTime must be positive, got " + wallTime);
        }
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive, got " + maxOutputBytes);
        }
        if (maxHeapMegabytes < 64) {
            throw new IllegalArgumentException("maxHeapMegabytes must be at least 64, got " + maxHeapMegabytes);
        }
    }
}
