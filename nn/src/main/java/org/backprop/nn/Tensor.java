package org.backprop.nn;

import java.util.Arrays;
import org.backprop.nn.autograd.Function;

/**
 * An immutable float32 tensor, row-major, with Keras's layout conventions (batch first, channels last).
 *
 * <p>A tensor computed by an op remembers the op ({@link #creator()}) when any of its inputs needs
 * gradients, which is how {@link org.backprop.nn.autograd.Gradients} walks back from a loss to the weights.
 * Tensors never change after construction and are safe to share between threads.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] values;
    private final Function creator;
    private final boolean requiresGrad;

    private Tensor(int[] shape, float[] values, Function creator, boolean requiresGrad) {
        this.shape = shape;
        this.values = values;
        this.creator = creator;
        this.requiresGrad = requiresGrad;
    }

    /** Returns a tensor of the given shape over a copy of {@code values} (row-major). */
    public static Tensor of(int[] shape, float[] values) {
        checkShape(shape, values);
        return new Tensor(shape.clone(), values.clone(), null, false);
    }

    /** Returns a vector (shape {@code [n]}) over a copy of {@code values}. */
    public static Tensor of(float[] values) {
        return of(new int[] {values.length}, values);
    }

    /** Returns a scalar (shape {@code []}). */
    public static Tensor scalar(float value) {
        return new Tensor(new int[0], new float[] {value}, null, false);
    }

    /** Returns a matrix (shape {@code [rows, columns]}) from rows that must all have the same length. */
    public static Tensor of(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        int columns = rows[0].length;
        float[] values = new float[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length
                        + " values, but row 0 has " + columns);
            }
            System.arraycopy(rows[r], 0, values, r * columns, columns);
        }
        return new Tensor(new int[] {rows.length, columns}, values, null, false);
    }

    /** Returns a tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(shape.clone(), new float[Shapes.size(shape)], null, false);
    }

    /** Returns a tensor whose every value is {@code value}. */
    public static Tensor filled(float value, int... shape) {
        float[] values = new float[Shapes.size(shape)];
        Arrays.fill(values, value);
        return new Tensor(shape.clone(), values, null, false);
    }

    /**
     * Returns a tensor over {@code values} without copying them. For backends and ops, which hand over
     * arrays they created and never touch again; nobody may change the array afterwards.
     */
    public static Tensor wrap(int[] shape, float[] values) {
        checkShape(shape, values);
        return new Tensor(shape, values, null, false);
    }

    /** Returns a tensor over the same values that records {@code creator} for gradients. */
    public static Tensor derived(Tensor value, Function creator) {
        return new Tensor(value.shape, value.values, creator, true);
    }

    /** Returns this tensor's values as a leaf that gradients are computed for (a weight's value). */
    public Tensor asVariable() {
        return new Tensor(shape, values, null, true);
    }

    /** Returns this tensor's values without the record of how they were computed. */
    public Tensor detach() {
        return creator == null && !requiresGrad ? this : new Tensor(shape, values, null, false);
    }

    private static void checkShape(int[] shape, float[] values) {
        if (shape == null || values == null) {
            throw new IllegalArgumentException("shape and values must not be null");
        }
        long size = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape must not have negative dimensions, got "
                        + Shapes.describe(shape));
            }
            size *= dim;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Shapes.describe(shape) + " holds " + size
                    + " values, but " + values.length + " were given");
        }
    }

    /** Returns a copy of this tensor's shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Returns the number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Returns the size of dimension {@code axis}; negative axes count from the end, as in Keras. */
    public int dim(int axis) {
        int resolved = axis < 0 ? shape.length + axis : axis;
        if (resolved < 0 || resolved >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + Shapes.describe(shape));
        }
        return shape[resolved];
    }

    /** Returns the number of values. */
    public int size() {
        return values.length;
    }

    /** Returns a copy of the values, row-major. */
    public float[] toArray() {
        return values.clone();
    }

    /** Returns the value at the given row-major flat index. */
    public float get(int flatIndex) {
        return values[flatIndex];
    }

    /** Returns the single value of a tensor that holds one. */
    public float item() {
        if (values.length != 1) {
            throw new IllegalStateException("item() needs a tensor with one value, this one has shape "
                    + Shapes.describe(shape));
        }
        return values[0];
    }

    /**
     * Returns the values array itself, for backends and ops that read it in hot loops. Never change it:
     * tensors are immutable and may share arrays.
     */
    public float[] internalValues() {
        return values;
    }

    /** Returns the op that computed this tensor, or {@code null} for inputs and weights. */
    public Function creator() {
        return creator;
    }

    /** Returns whether gradients flow back through this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Returns the shape as Keras prints it, e.g. {@code (3, 1)}. */
    public static String describe(int[] shape) {
        return Shapes.describe(shape);
    }

    /**
     * Returns the values with four decimals, nested by dimension. The formatting is done here rather
     * than by {@code Float.toString} so that the JVM and TeaVM print exactly the same text.
     */
    @Override
    public String toString() {
        if (shape.length == 0) {
            return Numbers.format(values[0], 4);
        }
        StringBuilder text = new StringBuilder();
        appendNested(text, 0, 0);
        return text.toString();
    }

    private int appendNested(StringBuilder text, int axis, int offset) {
        if (axis == shape.length) {
            text.append(Numbers.format(values[offset], 4));
            return offset + 1;
        }
        text.append('[');
        int next = offset;
        for (int i = 0; i < shape[axis]; i++) {
            if (i > 0) {
                text.append(", ");
            }
            next = appendNested(text, axis + 1, next);
        }
        text.append(']');
        return next;
    }

    /** Two tensors are equal when their shapes and values are; how they were computed does not matter. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor
                && Arrays.equals(shape, ((Tensor) other).shape)
                && Arrays.equals(values, ((Tensor) other).values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }
}
