package org.backprop.nn.data;

import org.backprop.nn.random.RandomGenerator;

/**
 * Anything {@code fit} and {@code evaluate} can read examples from, as Keras accepts arrays or a
 * {@code tf.data.Dataset}: examples in memory ({@link Dataset}), encoded images ({@link
 * org.backprop.nn.data.images.ImageDataset}) or a stored dataset's split ({@link StoredDataset}). Every one is an
 * immutable, ordered collection that yields in-memory {@link Dataset} batches when they are reached.
 */
public interface ExampleSource {
    /** Returns the number of examples. */
    int size();

    /** Returns the shape of one example's features (without batch), e.g. {@code [28, 28, 1]}. */
    int[] featureShape();

    /** Returns the same examples in a random order drawn from {@code random}. */
    ExampleSource shuffle(RandomGenerator random);

    /** Returns examples {@code [from, to)} in this collection's order. */
    ExampleSource slice(int from, int to);

    /** Returns how many batches {@link #batches(int)} yields: {@code ceil(size / batchSize)}. */
    default int batchCount(int batchSize) {
        return Batching.batchCount(size(), batchSize);
    }

    /** Returns consecutive batches of {@code batchSize} examples in this order, the last one holding the rest. */
    Iterable<Dataset> batches(int batchSize);
}
