package org.backprop.nn;

import java.util.List;

/**
 * The entry of a model: the shape of one example without the batch dimension, as Keras's
 * {@code keras.Input(shape=...)}. It is a {@link KerasTensor}, so layers can be called on it to build a
 * functional model; giving one to a {@code Sequential} builds that model at once.
 */
public final class Input extends KerasTensor {

    private Input(int[] shape) {
        super(shape, null, List.of());
    }

    /** Returns an input of examples with the given shape, e.g. {@code Input.shape(180, 180, 3)}. */
    public static Input shape(int... shape) {
        for (int dim : shape) {
            if (dim <= 0) {
                throw new IllegalArgumentException("shape must have positive dimensions, got " + Shapes.describe(shape));
            }
        }
        return new Input(shape);
    }
}
