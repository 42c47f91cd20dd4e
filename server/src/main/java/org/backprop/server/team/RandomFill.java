package org.backprop.server.team;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plans where unassigned students go: in an order shuffled by the seed, each student takes a seat in the
 * smallest team that has room (the first such team on ties), so teams end up as even as they can. When
 * the existing teams have too few seats, just enough new teams are opened first. The same sizes,
 * students and seed always give the same plan.
 */
final class RandomFill {

    /**
     * Where each student goes, by index into the team list (indexes from {@code teamSizes.size()} on are
     * the new teams), in the shuffled order; and how many new teams to open.
     */
    record Plan(Map<Long, Integer> teamOfStudent, int newTeams) {
    }

    private RandomFill() {
    }

    /**
     * @param teamSizes the current size of each existing team
     * @param students  the unassigned students' account ids, in a stable order (e.g. ascending)
     * @param maxSize   the most members a team may have
     * @param seed      the seed that decides the order in which students are placed
     */
    static Plan plan(List<Integer> teamSizes, List<Long> students, int maxSize, long seed) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
        }
        List<Long> order = new ArrayList<>(students);
        Collections.shuffle(order, new Random(seed));
        int freeSeats = teamSizes.stream().mapToInt(size -> Math.max(0, maxSize - size)).sum();
        int newTeams = order.size() > freeSeats ? (order.size() - freeSeats + maxSize - 1) / maxSize : 0;
        int[] sizes = new int[teamSizes.size() + newTeams];
        for (int i = 0; i < teamSizes.size(); i++) {
            sizes[i] = teamSizes.get(i);
        }
        Map<Long, Integer> teamOfStudent = new LinkedHashMap<>();
        for (Long student : order) {
            int smallest = -1;
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] < maxSize && (smallest < 0 || sizes[i] < sizes[smallest])) {
                    smallest = i;
                }
            }
            teamOfStudent.put(student, smallest);
            sizes[smallest]++;
        }
        return new Plan(teamOfStudent, newTeams);
    }
}
