package org.backprop.nn.backend;

import org.backprop.nn.Shapes;

/**
 * Which values a normalisation takes its statistics over, for x viewed as {@code [rows, channels]} (channels =
 * the last axis, rows = all the others flattened): Keras's {@code BatchNormalization} and
 * {@code LayerNormalization}. gamma and beta are {@code [channels]} in both.
 */
public enum Normalization {
    /** A mean and variance per channel, over all rows: statistics {@code [channels]}. */
    BATCH,
    /** A mean and variance per row, over its channels: statistics {@code [rows]}. */
    LAYER;

    /** Returns how many statistics x of {@code shape} has: one per channel or one per row. */
    public int statistics(int[] shape) {
        int channels = shape[shape.length - 1];
        return this == BATCH ? channels : (channels == 0 ? 0 : Shapes.size(shape) / channels);
    }
}
