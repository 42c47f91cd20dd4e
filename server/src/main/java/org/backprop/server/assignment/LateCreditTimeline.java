package org.backprop.server.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An assignment's due time and the credit steps after it: full credit up to and including the due time,
 * then each step's credit up to and including its end, then closed. Immutable and thread-safe.
 *
 * @param steps in increasing order of {@link Step#until()}; may be empty (closed right at the due time)
 */
public record LateCreditTimeline(Instant due, List<Step> steps) {

    public LateCreditTimeline {
        steps = List.copyOf(steps);
    }

    /** Up to {@code until} after the due time, a submission earns {@code creditPercent}. */
    public record Step(Duration until, int creditPercent) {
    }

    /** What a submission received at some instant earns: a credit and how late it was, or nothing (closed). */
    public record Decision(boolean open, int creditPercent, Duration lateBy) {
    }

    /** Returns the decision for a submission received at {@code at} by someone with {@code extension}. */
    public Decision decide(Instant at, Duration extension) {
        Instant shiftedDue = due.plus(extension);
        if (!at.isAfter(shiftedDue)) {
            return new Decision(true, 100, Duration.ZERO);
        }
        Duration late = Duration.between(shiftedDue, at);
        for (Step step : steps) {
            if (late.compareTo(step.until()) <= 0) {
                return new Decision(true, step.creditPercent(), late);
            }
        }
        return new Decision(false, 0, late);
    }

    /** Returns the last instant at which {@code extension}'s holder can still submit. */
    public Instant closesAt(Duration extension) {
        return due.plus(extension).plus(steps.isEmpty() ? Duration.ZERO : steps.get(steps.size() - 1).until());
    }
}
