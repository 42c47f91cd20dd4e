package org.backprop.nn.metrics;

import org.backprop.nn.Tensor;

/**
 * Precision, recall or F1 of binary predictions (positive above 0.5), as Keras's {@code Precision},
 * {@code Recall} and {@code F1Score}: computed from true and false positive and negative counts over
 * everything seen, not averaged per batch.
 */
public class BinaryCounts extends Metric {
    /** Which figure the counts give. */
    public enum Figure { PRECISION, RECALL, F1 }

    private final Figure figure;
    private final float threshold;
    private long truePositives;
    private long falsePositives;
    private long falseNegatives;

    public BinaryCounts(String name, Figure figure, float threshold) {
        super(name);
        this.figure = figure;
        this.threshold = threshold;
    }

    @Override
    public void update(Tensor yTrue, Tensor yPred) {
        for (int i = 0; i < yPred.size(); i++) {
            boolean predicted = yPred.get(i) > threshold;
            boolean actual = yTrue.get(i) > 0.5f;
            if (predicted && actual) {
                truePositives++;
            } else if (predicted) {
                falsePositives++;
            } else if (actual) {
                falseNegatives++;
            }
        }
    }

    @Override
    public double result() {
        double precision = ratio(truePositives, truePositives + falsePositives);
        double recall = ratio(truePositives, truePositives + falseNegatives);
        switch (figure) {
            case PRECISION:
                return precision;
            case RECALL:
                return recall;
            default:
                return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    @Override
    public void reset() {
        truePositives = 0;
        falsePositives = 0;
        falseNegatives = 0;
    }
}
