package org.backprop.nn.internal;

/**
 * Chooses where {@link org.backprop.nn.data.Datasets#load} finds datasets, and how many bytes of shards it keeps in
 * memory. The runtime installs the source before the student's {@code main} runs; the grader's policy refuses student
 * references to this package, so a program cannot substitute data of its own for the assignment's.
 *
 * <p>Not thread-safe: student programs are single-threaded (TeaVM has no threads to offer).
 */
public final class DatasetInternals {
    /** Enough for every MNIST-sized dataset whole; larger ones are streamed through it shard by shard. */
    public static final long DEFAULT_CACHE_BYTES = 256L * 1024 * 1024;

    private static DatasetSource source;
    private static long cacheBytes = DEFAULT_CACHE_BYTES;

    private DatasetInternals() {
    }

    /** Returns the installed source, or null when this runtime provides no datasets. */
    public static DatasetSource source() {
        return source;
    }

    /** Makes {@code newSource} the one programs load datasets from; null removes it. */
    public static void use(DatasetSource newSource) {
        source = newSource;
    }

    /** Returns how many bytes of shards loaded datasets keep in memory at most. */
    public static long cacheBytes() {
        return cacheBytes;
    }

    /** Sets how many bytes of shards loaded datasets keep in memory at most (for datasets loaded from now on). */
    public static void cacheBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the shard cache needs a positive number of bytes, got " + bytes);
        }
        cacheBytes = bytes;
    }
}
