package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/** Keras's metrics by name, and how {@code "accuracy"} resolves for a loss. */
public final class Metrics {
    private Metrics() {
    }

    /** Returns the accuracy Keras picks for {@code "accuracy"} with the loss named {@code lossName}. */
    public static Metric forLoss(String lossName) {
        switch (lossName) {
            case "sparse_categorical_crossentropy":
                return sparseCategorical("accuracy");
            case "categorical_crossentropy":
                return categorical("accuracy");
            default:
                return binary("accuracy", 0.5f);
        }
    }

    /** Returns the share of predictions on the right side of {@code threshold}; see {@link BinaryAccuracy}. */
    public static Metric binary(String name, float threshold) {
        return new BinaryAccuracy(name, threshold);
    }

    /** Returns the share of rows whose largest prediction is at the one-hot target's class. */
    public static Metric categorical(String name) {
        return new CategoricalAccuracy(name);
    }

    /** Returns the share of rows whose largest prediction is at the integer label. */
    public static Metric sparseCategorical(String name) {
        return new SparseCategoricalAccuracy(name);
    }

    /** Returns the share of rows whose one-hot target's class is among the {@code k} largest predictions. */
    public static Metric topKCategorical(String name, int k) {
        return new TopKCategoricalAccuracy(name, k);
    }

    /** Returns the share of rows whose integer label is among the {@code k} largest predictions. */
    public static Metric sparseTopKCategorical(String name, int k) {
        return new SparseTopKCategoricalAccuracy(name, k);
    }

    /** Returns the index of the largest of {@code width} values in row {@code row}. */
    public static int argmax(Tensor values, int row, int width) {
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (values.get(row * width + i) > values.get(row * width + best)) {
                best = i;
            }
        }
        return best;
    }

    /** Returns the metric Keras calls {@code name}, given the loss the model is compiled with. */
    public static Metric byName(String name, String lossName) {
        switch (name) {
            case "accuracy":
            case "acc":
                return forLoss(lossName);
            case "binary_accuracy":
                return binary(name, 0.5f);
            case "categorical_accuracy":
                return categorical(name);
            case "sparse_categorical_accuracy":
                return sparseCategorical(name);
            case "top_k_categorical_accuracy":
                return topKCategorical(name, 5);
            case "sparse_top_k_categorical_accuracy":
                return sparseTopKCategorical(name, 5);
            case "precision":
                return new Precision();
            case "recall":
                return new Recall();
            case "mae":
            case "mean_absolute_error":
                return new MeanAbsoluteError(name);
            case "mse":
            case "mean_squared_error":
                return new MeanSquaredError(name);
            case "f1_score":
                return new BinaryCounts(name, BinaryCounts.Figure.F1, 0.5f);
            default:
                throw new IllegalArgumentException("metric must be one of accuracy, binary_accuracy,"
                        + " categorical_accuracy, sparse_categorical_accuracy, top_k_categorical_accuracy,"
                        + " sparse_top_k_categorical_accuracy, precision, recall, f1_score, mae, mse; got \"" + name + "\"");
        }
    }
}
