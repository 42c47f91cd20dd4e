package org.backprop.nn.random;

import org.backprop.nn.internal.RandomInternals;

/**
 * The one seed behind every random choice — weight initialisation, shuffling, dropout, augmentation — as
 * Keras's {@code keras.utils.set_random_seed}. Runs record the seed, so a run that never set one can
 * still be repeated.
 */
public final class RandomSeed {
    private static long seed = 1337L;
    private static RandomGenerator generator = new RandomGenerator(seed);

    static {
        RandomInternals.install(new Lent());
    }

    private RandomSeed() {
    }

    /** Sets the seed and restarts the global generator from it. */
    public static void set(long newSeed) {
        seed = newSeed;
        generator = new RandomGenerator(newSeed);
    }

    /** Returns the seed last set. */
    public static long get() {
        return seed;
    }

    /** Returns the global generator. */
    public static RandomGenerator generator() {
        return generator;
    }

    /** What {@link RandomInternals} may do: set the generator aside and back without a draw. */
    private static final class Lent implements RandomInternals.Access {
        @Override
        public long seed() {
            return seed;
        }

        @Override
        public RandomGenerator generator() {
            return generator;
        }

        @Override
        public void install(long newSeed, RandomGenerator newGenerator) {
            seed = newSeed;
            generator = newGenerator;
        }
    }
}
