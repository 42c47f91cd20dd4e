package org.backprop.nn;

/**
 * The shape of one example (without the batch dimension), as Keras's {@code keras.Input(shape=...)}.
 * Giving a model an Input builds it at once, so its summary and weights exist before training.
 */
public final class Input {
    private final int[] shape;

    private Input(int[] shape) {
        for (int dim : shape) {
            if (dim <= 0) {
                throw new IllegalArgumentException("shape must have positive dimensions, got " + Shapes.describe(shape));
            }
        }
        this.shape = shape.clone();
    }

    /** Returns an input of examples with the given shape, e.g. {@code Input.shape(180, 180, 3)}. */
    public static Input shape(int... shape) {
        return new Input(shape);
    }

    /** Returns a copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }
}
