package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/** Keras's accuracy metrics, and how {@code "accuracy"} resolves for a loss. */
public final class Accuracies {
    private Accuracies() {
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

    /** Share of predictions on the right side of {@code threshold}. */
    public static Metric binary(String name, float threshold) {
        return new Metric(name) {
            @Override
            protected float[] scores(Tensor yTrue, Tensor yPred) {
                float[] scores = new float[yPred.size()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = (yPred.get(i) > threshold ? 1f : 0f) == yTrue.get(i) ? 1f : 0f;
                }
                return scores;
            }
        };
    }

    /** Share of rows whose largest prediction is at the one-hot target's class. */
    public static Metric categorical(String name) {
        return new Metric(name) {
            @Override
            protected float[] scores(Tensor yTrue, Tensor yPred) {
                int classes = yPred.dim(-1);
                float[] scores = new float[yPred.size() / classes];
                for (int row = 0; row < scores.length; row++) {
                    scores[row] = argmax(yPred, row, classes) == argmax(yTrue, row, classes) ? 1f : 0f;
                }
                return scores;
            }
        };
    }

    /** Share of rows whose largest prediction is at the integer label. */
    public static Metric sparseCategorical(String name) {
        return new Metric(name) {
            @Override
            protected float[] scores(Tensor yTrue, Tensor yPred) {
                int classes = yPred.dim(-1);
                float[] scores = new float[yPred.size() / classes];
                for (int row = 0; row < scores.length; row++) {
                    scores[row] = argmax(yPred, row, classes) == (int) yTrue.get(row) ? 1f : 0f;
                }
                return scores;
            }
        };
    }

    static int argmax(Tensor values, int row, int width) {
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
            default:
                throw new IllegalArgumentException("metric must be one of accuracy, binary_accuracy,"
                        + " categorical_accuracy, sparse_categorical_accuracy; got \"" + name + "\"");
        }
    }
}
