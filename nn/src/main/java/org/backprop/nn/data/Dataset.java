package org.backprop.nn.data;

import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * Examples held in memory, as Keras's {@code fit(x, y)} arrays or a {@code tf.data.Dataset} built from them:
 * features of shape {@code [n, ...]} (batch first, channels last, e.g. {@code [n, 28, 28, 1]}) and labels of
 * shape {@code [n, ...]}: integer class indices ({@code [n]} or {@code [n, 1]}), one-hot rows
 * ({@code [n, classes]}) or any other targets. {@link Labels} converts between the two label forms.
 *
 * <p>A dataset is immutable. {@link #shuffle()}, {@link #split}, {@link #slice} and {@link #batches} return
 * views that share the underlying tensors and own only an order of rows, so reshuffling a large dataset
 * every epoch copies indices, not pixels. Rows are copied out when {@link #features()} or {@link #labels()}
 * is asked for. Safe to share between threads.
 */
public final class Dataset implements ExampleSource {
    private final Tensor features;
    private final Tensor labels;
    private final int[] rows;
    /** How several arrays are packed into {@link #features} and {@link #labels}; null for one of each. */
    private final Packing packing;

    private Dataset(Tensor features, Tensor labels, int[] rows, Packing packing) {
        this.features = features;
        this.labels = labels;
        this.rows = rows;
        this.packing = packing;
    }

    /** Returns a dataset of the examples along the first axis of {@code features} and {@code labels}. */
    public static Dataset of(Tensor features, Tensor labels) {
        if (features == null || labels == null) {
            throw new IllegalArgumentException("features and labels must not be null");
        }
        if (features.rank() == 0 || labels.rank() == 0 || features.dim(0) != labels.dim(0)) {
            throw new IllegalArgumentException("features and labels must hold the same number of examples along"
                    + " the first axis, got shapes " + Shapes.describe(features.shape()) + " and "
                    + Shapes.describe(labels.shape()));
        }
        return new Dataset(features, labels, Rows.identity(features.dim(0)), null);
    }

    /**
     * Returns a dataset of several arrays, as Keras's {@code fit([title_data, text_body_data, tags_data],
     * [priority_data, department_data])}: one array per input of a model and one per output, every array holding
     * the same examples along its first axis. Shuffles, slices, batches and splits keep each example's rows of every
     * array together; {@link #featureList()} and {@link #labelList()} give the arrays back.
     */
    public static Dataset of(List<Tensor> features, List<Tensor> labels) {
        Packing packing = Packing.of(features, labels);
        return new Dataset(Packing.pack(features), Packing.pack(labels), Rows.identity(features.get(0).dim(0)),
                packing);
    }

    /**
     * Returns the examples of {@code parts} one after another, as {@code tf.data}'s {@code concatenate}; every
     * part must have the same feature shape and the same label shape.
     */
    public static Dataset concatenate(List<Dataset> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("parts must hold at least one dataset, got " + parts);
        }
        Dataset first = parts.get(0);
        Tensor[] featureParts = new Tensor[parts.size()];
        Tensor[] labelParts = new Tensor[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            Dataset part = parts.get(i);
            if (!Shapes.same(part.featureShape(), first.featureShape())
                    || !Shapes.same(part.labelShape(), first.labelShape())) {
                throw new IllegalArgumentException("parts[" + i + "] has features " + Shapes.describe(part.featureShape())
                        + " and labels " + Shapes.describe(part.labelShape()) + ", but parts[0] has features "
                        + Shapes.describe(first.featureShape()) + " and labels " + Shapes.describe(first.labelShape()));
            }
            featureParts[i] = part.features();
            labelParts[i] = part.labels();
        }
        return of(Rows.stack(featureParts), Rows.stack(labelParts));
    }

    /** Returns the number of examples. */
    @Override
    public int size() {
        return rows.length;
    }

    /** Returns the shape of one example's features (without batch), e.g. {@code [28, 28, 1]}. */
    @Override
    public int[] featureShape() {
        checkOneArray("featureShape", "featureList");
        return Shapes.withoutBatch(features.shape());
    }

    /** Returns the shape of one example's label (without batch): {@code []} for class indices, {@code [classes]} for one-hot. */
    public int[] labelShape() {
        checkOneArray("labelShape", "labelList");
        return Shapes.withoutBatch(labels.shape());
    }

    /** Returns the features of every example in this dataset's order, shape {@code [size(), ...featureShape()]}. */
    public Tensor features() {
        checkOneArray("features", "featureList");
        return Rows.gather(features, rows);
    }

    /** Returns the labels of every example in this dataset's order, shape {@code [size(), ...labelShape()]}. */
    public Tensor labels() {
        checkOneArray("labels", "labelList");
        return Rows.gather(labels, rows);
    }

    /**
     * Returns each feature array of the examples in this dataset's order, one per input of the model: the arrays
     * given to {@link #of(List, List)}, or the one of {@link #features()}.
     */
    public List<Tensor> featureList() {
        return packing == null ? List.of(features()) : packing.features(Rows.gather(features, rows));
    }

    /** Returns each label array of the examples in this dataset's order, one per output of the model. */
    public List<Tensor> labelList() {
        return packing == null ? List.of(labels()) : packing.labels(Rows.gather(labels, rows));
    }

    private void checkOneArray(String method, String instead) {
        if (packing != null) {
            throw new IllegalStateException("this dataset holds " + packing.featureArrays() + " feature and "
                    + packing.labelArrays() + " label arrays, so " + method + "() has no single answer: use "
                    + instead + "()");
        }
    }

    /** Returns the same examples in a random order drawn from the program's seeded generator ({@link RandomSeed}). */
    public Dataset shuffle() {
        return shuffle(RandomSeed.generator());
    }

    /** Returns the same examples in a random order drawn from {@code random}. */
    @Override
    public Dataset shuffle(RandomGenerator random) {
        int[] order = rows.clone();
        random.shuffle(order);
        return new Dataset(features, labels, order, packing);
    }

    /** Returns examples {@code [from, to)} of this dataset, in its order. */
    @Override
    public Dataset slice(int from, int to) {
        if (from < 0 || to > rows.length || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") is outside the dataset's "
                    + rows.length + " examples");
        }
        return new Dataset(features, labels, Arrays.copyOfRange(rows, from, to), packing);
    }

    /**
     * Splits off the last {@code validationFraction} of the examples for validation, as Keras's
     * {@code validation_split}: the first {@code floor(size * (1 - validationFraction))} examples train, the
     * rest validate, in the current order. Keras splits before it shuffles, so shuffle first (with a seed) if
     * the examples are sorted, e.g. by class.
     */
    public Split split(double validationFraction) {
        int trainSize = Batching.trainSize(rows.length, validationFraction, "examples");
        return new Split(slice(0, trainSize), slice(trainSize, rows.length));
    }

    /** Returns how many batches {@link #batches(int)} yields: {@code ceil(size / batchSize)}. */
    @Override
    public int batchCount(int batchSize) {
        return Batching.batchCount(rows.length, batchSize);
    }

    /**
     * Returns consecutive batches of {@code batchSize} examples in this dataset's order; the last batch holds
     * the remainder and may be smaller, as in Keras. Each batch is itself a dataset.
     */
    @Override
    public Iterable<Dataset> batches(int batchSize) {
        return Batching.batches(rows.length, batchSize, this::slice);
    }


    /** A dataset split into the examples that train and those that validate. */
    public record Split(Dataset train, Dataset validation) {
    }
}
