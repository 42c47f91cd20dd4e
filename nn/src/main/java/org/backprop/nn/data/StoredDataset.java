package org.backprop.nn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * A split of a dataset the course imported, as {@link Datasets#load} returns it: images of uint8 pixels with integer
 * labels, decoded into float batches only when a batch is reached, as {@code tfds.load(name, split=...)}.
 *
 * <p>{@link #batches} yields in-memory {@link Dataset} batches: features {@code [n, height, width, channels]} with
 * values in [0, 255] (not rescaled, as TFDS and Keras give them; start the model with {@code Rescaling(1/255)}) and
 * labels {@code [n]}, class indices into {@link #classNames()}.
 *
 * <p>Like {@link Dataset} it is immutable: {@link #shuffle()}, {@link #take}, {@link #skip}, {@link #slice} and
 * {@link #split} return views that own only an order of examples. A validation slice is {@code take}/{@code skip}
 * before shuffling: {@code var validation = train.skip(50000); var rest = train.take(50000);}.
 *
 * <p>Memory holds at most {@link DatasetInternals#cacheBytes()} of shards (uint8, as stored) plus one batch of
 * floats. A shuffle is uniform when the examples' shards fit in that; a larger split is shuffled as TFDS does,
 * in bounded memory: the shards in random order, and the examples at random within windows of shards that fit.
 */
public final class StoredDataset implements ExampleSource {
    private final StoredSplit split;
    /** Examples of the split, by their index in it, in this view's order. */
    private final int[] rows;

    StoredDataset(StoredSplit split, int[] rows) {
        this.split = split;
        this.rows = rows;
    }

    /** Returns the dataset's name, e.g. {@code fashion_mnist}. */
    public String name() {
        return split.manifest.name();
    }

    /** Returns the dataset's version, e.g. {@code 1.0.0}. */
    public String version() {
        return split.manifest.version();
    }

    /** Returns the split's name, e.g. {@code train}. */
    public String splitName() {
        return split.split.name();
    }

    /** Returns the class names: label {@code i} is {@code classNames().get(i)}. */
    public List<String> classNames() {
        return split.manifest.classNames();
    }

    /** Returns the number of classes, what the model's last {@code Dense} layer needs. */
    public int numClasses() {
        return split.manifest.classNames().size();
    }

    /**
     * Returns the SHA-256 of every shard this view's examples come from, in the split's order: with the name,
     * version and split, what says exactly which data a run trained on.
     */
    public List<String> shardHashes() {
        boolean[] used = usedShards();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                hashes.add(split.shardRef(i).sha256());
            }
        }
        return hashes;
    }

    @Override
    public int size() {
        return rows.length;
    }

    /** Returns the shape of one image, {@code [height, width, channels]}. */
    @Override
    public int[] featureShape() {
        return split.imageShape();
    }

    /** Returns the same examples in a random order drawn from the program's seeded generator ({@link RandomSeed}). */
    public StoredDataset shuffle() {
        return shuffle(RandomSeed.generator());
    }

    /** Returns the same examples in a random order drawn from a generator seeded with {@code seed}. */
    public StoredDataset shuffle(long seed) {
        return shuffle(new RandomGenerator(seed));
    }

    /** Returns the same examples in a random order drawn from {@code random} (see the class comment). */
    @Override
    public StoredDataset shuffle(RandomGenerator random) {
        long budget = DatasetInternals.cacheBytes();
        if (bytesOf(usedShards()) <= budget) {
            int[] order = rows.clone();
            random.shuffle(order);
            return new StoredDataset(split, order);
        }
        return new StoredDataset(split, ShardWindowShuffle.order(split, rows, budget / 2, random));
    }

    /** Returns examples {@code [from, to)} of this view, in its order. */
    @Override
    public StoredDataset slice(int from, int to) {
        if (from < 0 || to > rows.length || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") is outside the dataset's "
                    + rows.length + " examples");
        }
        return new StoredDataset(split, Arrays.copyOfRange(rows, from, to));
    }

    /** Returns the first {@code count} examples (all of them when there are fewer), as {@code tf.data}'s take. */
    public StoredDataset take(int count) {
        requireCount("take", count);
        return slice(0, Math.min(count, rows.length));
    }

    /** Returns all but the first {@code count} examples (none when there are fewer), as {@code tf.data}'s skip. */
    public StoredDataset skip(int count) {
        requireCount("skip", count);
        return slice(Math.min(count, rows.length), rows.length);
    }

    /**
     * Splits off the last {@code validationFraction} of the examples for validation, as Keras's
     * {@code validation_split} and {@link Dataset#split}, in the current order.
     */
    public Split split(double validationFraction) {
        int trainSize = Batching.trainSize(rows.length, validationFraction, "examples");
        return new Split(slice(0, trainSize), slice(trainSize, rows.length));
    }

    /**
     * Returns consecutive batches of {@code batchSize} examples in this view's order, the last one holding the rest;
     * each batch is decoded from the shards when the iterator reaches it.
     */
    @Override
    public Iterable<Dataset> batches(int batchSize) {
        return Batching.batches(rows.length, batchSize, this::decode);
    }

    @Override
    public String toString() {
        int[] shape = featureShape();
        return name() + " " + version() + " " + splitName() + " (" + rows.length + " images of " + shape[0] + "x"
                + shape[1] + "x" + shape[2] + ", " + numClasses() + " classes)";
    }

    private Dataset decode(int from, int to) {
        int n = to - from;
        int imageSize = split.manifest.exampleBytes();
        float[] features = new float[n * imageSize];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = split.copy(rows[from + i], features, i * imageSize);
        }
        int[] shape = featureShape();
        return Dataset.of(TensorInternals.wrap(new int[] {n, shape[0], shape[1], shape[2]}, features),
                TensorInternals.wrap(new int[] {n}, labels));
    }

    private boolean[] usedShards() {
        boolean[] used = new boolean[split.shardCount()];
        for (int row : rows) {
            used[split.shardOf(row)] = true;
        }
        return used;
    }

    private long bytesOf(boolean[] shards) {
        long total = 0;
        for (int i = 0; i < shards.length; i++) {
            if (shards[i]) {
                ShardRef ref = split.shardRef(i);
                total += ref.bytes();
            }
        }
        return total;
    }

    private static void requireCount(String method, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(method + " needs a count of 0 or more examples, got " + count);
        }
    }


    /** A stored split's view split into the examples that train and those that validate. */
    public record Split(StoredDataset train, StoredDataset validation) {
    }
}
