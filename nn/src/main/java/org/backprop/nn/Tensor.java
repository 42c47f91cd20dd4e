package org.backprop.nn;

import java.util.Arrays;

/**
 * An immutable float32 tensor held in host memory, row-major, with Keras's layout conventions
 * (batch first, channels last).
 *
 * <p>Instances are thread-safe because they never change after construction.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] values;

    private Tensor(int[] shape, float[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** Returns a tensor of the given shape over a copy of {@code values} (row-major). */
    public static Tensor of(int[] shape, float[] values) {
        if (shape == null || values == null) {
            throw new IllegalArgumentException("shape and values must not be null");
        }
        long size = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape must not have negative dimensions, got " + describe(shape));
            }
            size *= dim;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + describe(shape) + " holds " + size
                    + " values, but " + values.length + " were given");
        }
        return new Tensor(shape.clone(), values.clone());
    }

    /** Returns a vector (shape {@code [n]}) over a copy of {@code values}. */
    public static Tensor of(float[] values) {
        return of(new int[] {values.length}, values);
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
        return new Tensor(new int[] {rows.length, columns}, values);
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
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + describe(shape));
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

    /** Returns the shape as Keras prints it, e.g. {@code (3, 1)}. */
    public static String describe(int[] shape) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /**
     * Returns the values with four decimals, nested by dimension. The formatting is done here rather
     * than by {@code Float.toString} so that the JVM and TeaVM print exactly the same text.
     */
    @Override
    public String toString() {
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
