package org.backprop.server.assignment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When work is due and what it earns when, in UTC and in the course's time zone. */
public record DeadlineView(
        @Schema(description = "The course's IANA time zone, e.g. Asia/Seoul") String timeZone,
        @Schema(description = "Due time in UTC") Instant dueAt,
        @Schema(description = "Due time in the course's zone, ISO-8601 with offset") String dueLocal,
        @Schema(description = "Credit windows in order; the first is 100% up to and including the due time")
        List<CreditWindowView> windows,
        @Schema(description = "After this instant nothing is accepted") Instant closesAt,
        String closesLocal,
        @Schema(description = "The extension included in these times, in seconds (0 for the general deadline)")
        long extensionSeconds) {

    /** A submission received up to and including {@code until} earns {@code creditPercent}. */
    public record CreditWindowView(Instant until, String untilLocal, int creditPercent) {
    }

    static DeadlineView of(LateCreditTimeline timeline, String zone, Duration extension) {
        Instant due = timeline.due().plus(extension);
        List<CreditWindowView> windows = new ArrayList<>();
        windows.add(new CreditWindowView(due, CourseTime.iso(due, zone), 100));
        for (LateCreditTimeline.Step step : timeline.steps()) {
            Instant until = due.plus(step.until());
            windows.add(new CreditWindowView(until, CourseTime.iso(until, zone), step.creditPercent()));
        }
        Instant closes = timeline.closesAt(extension);
        return new DeadlineView(zone, due, CourseTime.iso(due, zone), windows, closes, CourseTime.iso(closes, zone),
                extension.toSeconds());
    }
}
