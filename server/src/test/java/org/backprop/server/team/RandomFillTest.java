package org.backprop.server.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RandomFillTest {
    private static final List<Long> TEN_STUDENTS = LongStream.rangeClosed(1, 10).boxed().toList();

    @Test
    void givesTheSamePlanForTheSameSeedAndAnotherForAnotherSeed() {
        RandomFill.Plan first = RandomFill.plan(List.of(2, 0), TEN_STUDENTS, 4, 42);
        RandomFill.Plan again = RandomFill.plan(List.of(2, 0), TEN_STUDENTS, 4, 42);
        RandomFill.Plan other = RandomFill.plan(List.of(2, 0), TEN_STUDENTS, 4, 7);

        assertEquals(first, again);
        assertNotEquals(first.teamOfStudent(), other.teamOfStudent());
    }

    @Test
    void fillsTheSmallestTeamsFirstAndNeverPastTheMaximum() {
        RandomFill.Plan plan = RandomFill.plan(List.of(4, 1, 3), List.of(11L, 12L, 13L), 4, 1);

        assertEquals(0, plan.newTeams(), "four free seats are enough for three students");
        assertEquals(List.of(4, 4, 3), sizesAfter(List.of(4, 1, 3), plan));
    }

    @Test
    void opensJustEnoughNewTeamsAndSpreadsStudentsEvenly() {
        RandomFill.Plan plan = RandomFill.plan(List.of(), TEN_STUDENTS, 4, 3);

        assertEquals(3, plan.newTeams());
        assertEquals(List.of(4, 3, 3), sizesAfter(List.of(), plan));
        assertEquals(10, plan.teamOfStudent().size(), "every student is placed");
    }

    @Test
    void placesNobodyWhenEveryoneHasATeam() {
        RandomFill.Plan plan = RandomFill.plan(List.of(3, 4), List.of(), 4, 5);

        assertEquals(0, plan.newTeams());
        assertTrue(plan.teamOfStudent().isEmpty());
    }

    private static List<Integer> sizesAfter(List<Integer> before, RandomFill.Plan plan) {
        List<Integer> sizes = new ArrayList<>(before);
        for (int i = 0; i < plan.newTeams(); i++) {
            sizes.add(0);
        }
        plan.teamOfStudent().values().forEach(index -> sizes.set(index, sizes.get(index) + 1));
        return sizes;
    }
}
