package org.backprop.nn.internal;

import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * Sets the program's generator aside and back, for work the runtime does between a program's own steps (the
 * behaviour probe of a run record) that must not change what the program draws next, and for a fit's own stream. {@link RandomSeed} lends
 * the switch here through {@link Access} when it is loaded, as {@code Tensor} lends {@link TensorInternals}: a
 * public setter would let a program rewind its generator unseen.
 *
 * <p>The grader's policy refuses student references to this package. Not thread-safe: programs are
 * single-threaded.
 */
public final class RandomInternals {
    /** Set once, by {@code RandomSeed}'s static initializer. */
    private static Access access;

    private RandomInternals() {
    }

    /** What {@code RandomSeed} lends; implemented by a private class inside it. Not for anything else to implement. */
    public interface Access {
        long seed();

        RandomGenerator generator();

        /** Makes {@code generator} the program's generator and {@code seed} the seed last set, drawing nothing. */
        void install(long seed, RandomGenerator generator);
    }

    /** The seed and the generator object a program had: restoring the object restores every draw it will make. */
    public static final class Saved {
        private final long seed;
        private final RandomGenerator generator;

        private Saved(long seed, RandomGenerator generator) {
            this.seed = seed;
            this.generator = generator;
        }
    }

    /** Called once, by {@code RandomSeed}'s static initializer; a second call fails. */
    public static void install(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("RandomSeed's internals are installed already");
        }
        access = implementation;
    }

    /**
     * Sets the program's generator aside, untouched, and makes {@code replacement} the one every draw uses until
     * {@link #restore}; the seed stays what the program set.
     */
    public static Saved setAside(RandomGenerator replacement) {
        Access lent = access();
        Saved saved = new Saved(lent.seed(), lent.generator());
        lent.install(saved.seed, replacement);
        return saved;
    }

    /** Puts back the seed and the generator {@link #setAside} kept, whatever happened in between. */
    public static void restore(Saved saved) {
        access().install(saved.seed, saved.generator);
    }

    /**
     * Puts back what {@link #setAside} kept unless the program set a new seed since (its generator is no longer
     * {@code lent}): a seed the program sets stands.
     */
    public static void restoreUnlessReseeded(Saved saved, RandomGenerator lent) {
        if (access().generator() == lent) {
            restore(saved);
        }
    }

    private static Access access() {
        if (access == null) {
            // Loads RandomSeed, whose static initializer installs the access.
            RandomSeed.get();
        }
        return access;
    }
}
