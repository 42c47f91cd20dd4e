package org.backprop.server.grading;

import java.time.Duration;
import org.backprop.grader.sandbox.RunLimits;

/** The limits a student program runs under. */
public record RunLimitsView(long wallTimeSeconds, int maxOutputBytes, int maxHeapMegabytes) {

    static RunLimitsView of(GradingConfig.Limits limits) {
        return new RunLimitsView(limits.wallTime().toSeconds(), limits.maxOutputBytes(), limits.maxHeapMegabytes());
    }

    /** Returns the sandbox's form of these limits. */
    public RunLimits toRunLimits() {
        return new RunLimits(Duration.ofSeconds(wallTimeSeconds), maxOutputBytes, maxHeapMegabytes);
    }
}
