package org.backprop.server.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BalancerTest {

    @Test
    void takesOneFromAFullTeamForATeamBelowTheMinimum() {
        List<Balancer.TeamState> teams = teams(4, 4, 2);

        Balancer.Plan plan = Balancer.plan(teams, 3, 4, 1);

        assertEquals(List.of(3, 4, 3), sizesAfter(teams, plan), "one move from the first full team");
        assertEquals(1, plan.moves().size());
        assertEquals(List.of(), plan.emptiedTeams());
    }

    @Test
    void neverTakesATeamBelowTheMinimumToMendAnother() {
        List<Balancer.TeamState> teams = teams(3, 3, 1, 4);

        Balancer.Plan plan = Balancer.plan(teams, 3, 4, 1);

        assertEquals(List.of(4, 3, 0, 4), sizesAfter(teams, plan), "one spare member cannot make two, so the"
                + " single student joins a team instead of anyone moving in");
        assertEquals(1, plan.moves().size());
        assertTrue(plan.moves().stream().noneMatch(move -> move.fromTeamId() != 3),
                "the teams at or above the minimum give nobody: " + plan.moves());
    }

    @Test
    void splitsUpATeamThatCannotReachTheMinimumWhenOthersHaveTheSeats() {
        List<Balancer.TeamState> teams = teams(3, 3, 2);

        Balancer.Plan plan = Balancer.plan(teams, 3, 4, 1);

        assertEquals(List.of(4, 4, 0), sizesAfter(teams, plan));
        assertEquals(List.of(3L), plan.emptiedTeams());
    }

    @Test
    void leavesATeamBelowTheMinimumWhenNobodyCanSpareAMemberOrTakeItsOwn() {
        List<Balancer.TeamState> teams = teams(4, 4, 2);

        Balancer.Plan plan = Balancer.plan(teams, 4, 4, 1);

        assertEquals(List.of(), plan.moves());
    }

    @Test
    void shrinksTeamsAboveTheMaximumAfterTheMaximumWasLowered() {
        List<Balancer.TeamState> teams = teams(5, 5, 2);

        Balancer.Plan plan = Balancer.plan(teams, 3, 4, 9);

        assertEquals(List.of(4, 4, 4), sizesAfter(teams, plan));
        assertEquals(2, plan.moves().size(), "the fewest moves");
    }

    @Test
    void movesNobodyWhenTheTeamsAreWithinTheirSizes() {
        assertEquals(List.of(), Balancer.plan(teams(3, 4, 4), 3, 4, 5).moves());
    }

    @Test
    void theSeedDecidesWhoMovesAndTheSameSeedGivesTheSamePlan() {
        List<Balancer.TeamState> teams = teams(4, 4, 4, 4, 4, 4, 1);

        Balancer.Plan first = Balancer.plan(teams, 3, 4, 42);

        assertEquals(first, Balancer.plan(teams, 3, 4, 42));
        boolean anotherSeedMovesOthers = LongStream.range(0, 10)
                .mapToObj(seed -> Balancer.plan(teams, 3, 4, seed).moves())
                .anyMatch(moves -> !moves.equals(first.moves()));
        assertTrue(anotherSeedMovesOthers, "some other seed moves other students");
        assertEquals(List.of(3, 3, 4, 4, 4, 4, 3), sizesAfter(teams, first));
        assertNotEquals(first.moves().get(0).accountId(), first.moves().get(1).accountId());
    }

    /** Teams 1, 2, ... with the given sizes; team t's members are 100 t + 1, 100 t + 2, ... */
    private static List<Balancer.TeamState> teams(int... sizes) {
        List<Balancer.TeamState> teams = new ArrayList<>();
        for (int t = 1; t <= sizes.length; t++) {
            List<Long> members = new ArrayList<>();
            for (int m = 1; m <= sizes[t - 1]; m++) {
                members.add(100L * t + m);
            }
            teams.add(new Balancer.TeamState(t, members));
        }
        return teams;
    }

    private static List<Integer> sizesAfter(List<Balancer.TeamState> teams, Balancer.Plan plan) {
        Map<Long, Integer> sizes = new LinkedHashMap<>();
        teams.forEach(team -> sizes.put(team.teamId(), team.members().size()));
        plan.moves().forEach(move -> {
            sizes.merge(move.fromTeamId(), -1, Integer::sum);
            sizes.merge(move.toTeamId(), 1, Integer::sum);
        });
        return new ArrayList<>(sizes.values());
    }
}
