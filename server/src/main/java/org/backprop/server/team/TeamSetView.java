package org.backprop.server.team;

import java.time.Instant;

/** A team set and whether students may still pick their teams. */
public record TeamSetView(long id, long courseId, String name, int minSize, int maxSize, Instant selectionClosesAt,
        boolean selectionOpen) {

    static TeamSetView of(TeamSet set, Instant now) {
        return new TeamSetView(set.id, set.courseId, set.name, set.minSize, set.maxSize, set.selectionClosesAt,
                set.selectionOpen(now));
    }
}
