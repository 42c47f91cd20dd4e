package org.backprop.server.team;

import java.util.List;

/** What a random fill did, and which teams are still below the set's minimum size. */
public record FillReport(long seed, List<PlacementView> placements, List<String> teamsCreated,
        List<String> teamsBelowMinimum) {
}
