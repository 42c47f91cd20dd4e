package org.backprop.nn;

import java.util.List;

/**
 * The entry of a model: the shape of one example without the batch dimension, as Keras's
 * {@code keras.Input(shape=...)}. It is a {@link KerasTensor}, so layers can be called on it to build a
 * functional model; giving one to a {@code Sequential} builds that model at once. A model with several inputs
 * names them, as Keras's {@code keras.Input(shape=(vocabulary_size,), name="title")}: the name is the input's
 * row in the summary and its key when {@code fit}, {@code evaluate} and {@code predict} take a map of arrays.
 */
public final class Input extends KerasTensor {
    private final String name;

    private Input(String name, int[] shape) {
        super(shape, null, List.of());
        this.name = name;
    }

    /** Returns an input of examples with the given shape, e.g. {@code Input.shape(180, 180, 3)}. */
    public static Input shape(int... shape) {
        return new Input(null, checked(shape));
    }

    /**
     * Returns an input named {@code name} of examples with the given shape, as Keras's {@code keras.Input(shape=
     * (10000,), name="title")}: {@code Input.shape("title", 10000)}.
     */
    public static Input shape(String name, int... shape) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an Input's name must not be empty, got " + (name == null ? "null"
                    : "\"\""));
        }
        return new Input(name, checked(shape));
    }

    private static int[] checked(int[] shape) {
        for (int dim : shape) {
            if (dim <= 0) {
                throw new IllegalArgumentException("shape must have positive dimensions, got " + Shapes.describe(shape));
            }
        }
        return shape;
    }

    /** Returns the name given to {@link #shape(String, int...)}, or null: the model then names the input. */
    public String name() {
        return name;
    }
}
