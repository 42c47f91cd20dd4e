package org.backprop.nn.metrics;

/** The share of positives predicted positive (above 0.5), as Keras's {@code Recall()}. */
public final class Recall extends BinaryCounts {

    /** Returns Keras's default: named {@code recall}, threshold 0.5. */
    public Recall() {
        super("recall", Figure.RECALL, 0.5f);
    }
}
