package org.backprop.server.assignment;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Shows instants as the people of a course read them: in the course's time zone. */
public final class CourseTime {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CourseTime() {
    }

    /** Returns {@code instant} as an ISO-8601 date-time with the zone's offset, e.g. 2026-12-14T23:59:00+09:00. */
    public static String iso(Instant instant, String zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of(zone)));
    }

    /** Returns {@code instant} for a sentence, e.g. "2026-12-14 23:59:00 (Asia/Seoul time)". */
    public static String sentence(Instant instant, String zone) {
        return SHOWN.format(instant.atZone(ZoneId.of(zone))) + " (" + zone + " time)";
    }
}
