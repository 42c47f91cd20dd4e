package org.backprop.nn.random;

/**
 * A SplitMix64 generator: the same seed gives the same sequence on the JVM and under TeaVM, which
 * {@code java.util.Random} does not promise across implementations.
 *
 * <p>Not thread-safe.
 */
public final class RandomGenerator {
    /** What each draw adds to the state (SplitMix64's golden-ratio increment). */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian = Double.NaN;

    public RandomGenerator(long seed) {
        this.state = seed;
    }

    /** Returns the next 64 random bits. */
    public long nextLong() {
        long z = (state += GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Returns a double uniform in [0, 1), from the top 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Returns a float uniform in [0, 1). */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Returns an int uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Returns a standard normal value (Box–Muller, the second value of each pair kept for the next call). */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double value = spareGaussian;
            spareGaussian = Double.NaN;
            return value;
        }
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        double radius = Math.sqrt(-2.0 * Math.log(u1));
        spareGaussian = radius * Math.sin(2 * Math.PI * u2);
        return radius * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Returns the current state and moves past the next {@code n} draws as if they had been made: a generator
     * constructed with the returned state draws exactly those values. SplitMix64's i-th draw depends only on
     * the state and i, so a backend can draw the {@code n} values in parallel (a dropout mask on the GPU) and
     * the sequence goes on unchanged.
     */
    public long skip(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, got " + n);
        }
        long before = state;
        state += n * GAMMA;
        return before;
    }

    /** Returns a new generator seeded from this one, for a consumer that needs its own stream. */
    public RandomGenerator split() {
        return new RandomGenerator(nextLong());
    }

    /** Shuffles {@code indices} in place (Fisher–Yates). */
    public void shuffle(int[] indices) {
        for (int i = indices.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
    }
}
