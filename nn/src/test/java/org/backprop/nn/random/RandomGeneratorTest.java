package org.backprop.nn.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomGeneratorTest {

    @Test
    void producesTheReferenceSplitMix64Sequence() {
        RandomGenerator random = new RandomGenerator(0);
        assertEquals(0xE220A8397B1DCDAFL, random.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, random.nextLong());
        assertEquals(0x06C45D188009454FL, random.nextLong());
    }

    @Test
    void skipHandsOutTheStateAndMovesPastTheDrawsAsIfTheyWereMade() {
        // A state near the top of the range: skipping wraps around 2^64 as drawing does.
        RandomGenerator drawing = new RandomGenerator(-3);
        RandomGenerator skipping = new RandomGenerator(-3);
        long[] drawn = new long[1000];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = drawing.nextLong();
        }
        RandomGenerator replay = new RandomGenerator(skipping.skip(drawn.length));
        for (int i = 0; i < drawn.length; i++) {
            assertEquals(drawn[i], replay.nextLong(), "draw " + i + " from the handed-out state");
        }
        assertEquals(drawing.nextLong(), skipping.nextLong(), "the draw after the skipped ones");
        assertEquals(skipping.skip(0), skipping.skip(0), "skipping nothing leaves the state");
    }

    @Test
    void theSameSeedGivesTheSameShuffle() {
        int[] first = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] second = first.clone();
        new RandomGenerator(42).shuffle(first);
        new RandomGenerator(42).shuffle(second);
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(second));
        assertTrue(!java.util.Arrays.toString(first).equals("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"), "it does shuffle");
    }

    @Test
    void gaussiansHaveMeanZeroAndUnitVariance() {
        RandomGenerator random = new RandomGenerator(7);
        double sum = 0;
        double squares = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian();
            sum += z;
            squares += z * z;
        }
        assertEquals(0, sum / n, 0.02);
        assertEquals(1, squares / n, 0.02);
    }
}
