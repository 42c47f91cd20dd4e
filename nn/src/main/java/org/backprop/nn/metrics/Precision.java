package org.backprop.nn.metrics;

/** The share of predicted positives (above 0.5) that are positive, as Keras's {@code Precision()}. */
public final class Precision extends BinaryCounts {

    /** Returns Keras's default: named {@code precision}, threshold 0.5. */
    public Precision() {
        super("precision", Figure.PRECISION, 0.5f);
    }
}
