package org.backprop.server.team;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Plans the fewest moves that bring a team set within its sizes, one move at a time:
 * <ol>
 * <li>a team above the maximum gives a member to the team most in need (one below the minimum, else the
 *     smallest with room);</li>
 * <li>the team below the minimum that needs the fewest members takes them, one by one from the largest
 *     team, if the teams above the minimum can spare that many: no team is broken below the minimum to
 *     mend another, and nobody is moved into a team that then cannot reach the minimum;</li>
 * <li>otherwise the smallest team below the minimum is split up among the others, if they have the
 *     seats, those below the minimum first.</li>
 * </ol>
 * Which member leaves a team is decided by the seed; ties between teams go to the earlier team in the
 * given order. The same teams, sizes and seed always give the same plan.
 */
final class Balancer {

    /** A team and its members' account ids. */
    record TeamState(long teamId, List<Long> members) {
    }

    record Move(long accountId, long fromTeamId, long toTeamId) {
    }

    /** The moves in the order they are made, and the teams they leave empty. */
    record Plan(List<Move> moves, List<Long> emptiedTeams) {
    }

    private final List<Long> teamIds = new ArrayList<>();
    private final Map<Long, List<Long>> members = new HashMap<>();
    private final Map<Long, Integer> leavingOrder = new HashMap<>();
    private final int minSize;
    private final int maxSize;
    private final List<Move> moves = new ArrayList<>();
    private final List<Long> emptied = new ArrayList<>();

    private Balancer(List<TeamState> teams, int minSize, int maxSize, long seed) {
        this.minSize = minSize;
        this.maxSize = maxSize;
        List<Long> everyone = new ArrayList<>();
        for (TeamState team : teams) {
            teamIds.add(team.teamId());
            members.put(team.teamId(), new ArrayList<>(team.members()));
            everyone.addAll(team.members());
        }
        Collections.sort(everyone);
        Collections.shuffle(everyone, new Random(seed));
        for (int i = 0; i < everyone.size(); i++) {
            leavingOrder.put(everyone.get(i), i);
        }
    }

    /**
     * @param teams   the set's teams in a stable order (e.g. by id), each with its members
     * @param minSize the fewest members a team should have
     * @param maxSize the most members a team may have
     * @param seed    decides which member of a team moves
     */
    static Plan plan(List<TeamState> teams, int minSize, int maxSize, long seed) {
        if (minSize < 1 || maxSize < minSize) {
            throw new IllegalArgumentException("sizes must satisfy 1 <= minSize <= maxSize, got " + minSize + " and "
                    + maxSize);
        }
        Balancer balancer = new Balancer(teams, minSize, maxSize, seed);
        while (balancer.step()) {
            // Each step moves at least one student and reduces the excess, the shortfall or the number of teams.
        }
        return new Plan(List.copyOf(balancer.moves), List.copyOf(balancer.emptied));
    }

    private boolean step() {
        Optional<Long> overFull = live().filter(id -> size(id) > maxSize)
                .max(Comparator.comparingInt(this::size).thenComparing(this::later));
        if (overFull.isPresent()) {
            Optional<Long> receiver = receiver(overFull.get());
            if (receiver.isPresent()) {
                move(overFull.get(), receiver.get());
                return true;
            }
        }
        Optional<Long> closest = live().filter(id -> size(id) < minSize)
                .min(Comparator.comparingInt((Long id) -> -size(id)).thenComparing(this::earlier));
        if (closest.isEmpty()) {
            return false;
        }
        int need = minSize - size(closest.get());
        int spare = live().mapToInt(id -> Math.max(0, size(id) - minSize)).sum();
        if (spare >= need) {
            for (int i = 0; i < need; i++) {
                long donor = live().filter(id -> size(id) > minSize)
                        .max(Comparator.comparingInt(this::size).thenComparing(this::later)).orElseThrow();
                move(donor, closest.get());
            }
            return true;
        }
        // Nobody can spare enough for even the team closest to the minimum, so none can be mended by moves
        // into it; the smallest one goes, and its members help the others.
        long smallest = live().filter(id -> size(id) < minSize)
                .min(Comparator.comparingInt(this::size).thenComparing(this::earlier)).orElseThrow();
        return splitUp(smallest);
    }

    /** Moves every member of {@code team} to the others, if they have the seats; the team is left empty. */
    private boolean splitUp(long team) {
        int seats = live().filter(id -> id != team).mapToInt(id -> Math.max(0, maxSize - size(id))).sum();
        if (seats < size(team)) {
            return false;
        }
        while (size(team) > 0) {
            move(team, receiver(team).orElseThrow());
        }
        emptied.add(team);
        return true;
    }

    /** The team that should take a member from {@code giver}: most in need first, then the smallest. */
    private Optional<Long> receiver(long giver) {
        return live().filter(id -> id != giver && size(id) < maxSize)
                .min(Comparator.comparing((Long id) -> size(id) >= minSize).thenComparingInt(this::size)
                        .thenComparing(this::earlier));
    }

    private void move(long from, long to) {
        List<Long> giving = members.get(from);
        Long student = giving.stream().min(Comparator.comparingInt(leavingOrder::get)).orElseThrow();
        giving.remove(student);
        members.get(to).add(student);
        moves.add(new Move(student, from, to));
    }

    private Stream<Long> live() {
        return teamIds.stream().filter(id -> !emptied.contains(id));
    }

    private int size(long team) {
        return members.get(team).size();
    }

    private int earlier(long team) {
        return teamIds.indexOf(team);
    }

    private int later(long team) {
        return -teamIds.indexOf(team);
    }
}
