package org.backprop.nn.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The arithmetic that every ordered collection of examples shares, in-memory or decoded on demand: Keras's
 * validation split and consecutive batches with a smaller last one.
 */
public final class Batching {
    private Batching() {
    }

    /** Cuts examples {@code [from, to)} out of a collection, in its order. */
    @FunctionalInterface
    public interface Slicer<T> {
        T slice(int from, int to);
    }

    /**
     * Returns how many of {@code size} examples train when the last {@code validationFraction} validate, as
     * Keras's {@code validation_split}: {@code floor(size * (1 - validationFraction))}. {@code unit} names the
     * examples in messages ("examples", "images").
     */
    public static int trainSize(int size, double validationFraction, String unit) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be between 0 and 1 (exclusive), got "
                    + validationFraction);
        }
        int trainSize = (int) Math.floor(size * (1.0 - validationFraction));
        if (trainSize == 0 || trainSize == size) {
            throw new IllegalArgumentException("The dataset holds " + size + " " + unit + ", which is not enough to"
                    + " split it into training and validation sets with validationFraction=" + validationFraction);
        }
        return trainSize;
    }

    /** Returns {@code ceil(size / batchSize)}. */
    public static int batchCount(int size, int batchSize) {
        checkBatchSize(batchSize);
        return (size + batchSize - 1) / batchSize;
    }

    /** Returns consecutive slices of {@code batchSize} of {@code size} examples, the last one holding the rest. */
    public static <T> Iterable<T> batches(int size, int batchSize, Slicer<T> slicer) {
        checkBatchSize(batchSize);
        return () -> new Iterator<>() {
            private int start;

            @Override
            public boolean hasNext() {
                return start < size;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("all " + batchCount(size, batchSize) + " batches were returned");
                }
                int end = Math.min(size, start + batchSize);
                T batch = slicer.slice(start, end);
                start = end;
                return batch;
            }
        };
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
    }
}
