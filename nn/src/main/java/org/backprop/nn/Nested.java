package org.backprop.nn;

/**
 * Flattens nested Java arrays ({@code float[][][]}, {@code int[][][][]}, …) into a tensor's row-major values, checking
 * that every array at one depth has the same length. Walks {@code Object} arrays by depth with {@code instanceof},
 * not reflection, so that TeaVM compiles it.
 */
final class Nested {
    private Nested() {
    }

    /** Returns the tensor of {@code values}, nested {@code depth} deep with {@code float[]} or {@code int[]} innermost. */
    static Tensor of(Object values, int depth) {
        int[] shape = shapeOf(values, depth);
        float[] flat = new float[Shapes.size(shape)];
        fill(values, depth, shape, 0, flat, new int[] {0}, "values");
        return Tensor.of(shape, flat);
    }

    /** Returns the lengths along the first element of each depth. */
    private static int[] shapeOf(Object values, int depth) {
        int[] shape = new int[depth];
        Object current = values;
        for (int axis = 0; axis < depth; axis++) {
            if (current == null) {
                throw new IllegalArgumentException("values must not contain null arrays");
            }
            shape[axis] = length(current);
            if (axis < depth - 1) {
                if (shape[axis] == 0) {
                    throw new IllegalArgumentException("values must not be empty at depth " + axis);
                }
                current = ((Object[]) current)[0];
            }
        }
        return shape;
    }

    private static int length(Object array) {
        if (array instanceof float[] floats) {
            return floats.length;
        }
        if (array instanceof int[] ints) {
            return ints.length;
        }
        return ((Object[]) array).length;
    }

    private static void fill(Object array, int depth, int[] shape, int axis, float[] flat, int[] next, String where) {
        if (array == null || length(array) != shape[axis]) {
            throw new IllegalArgumentException(where + " has " + (array == null ? "no array" : length(array) + " values")
                    + ", but its first sibling has " + shape[axis] + ": nested arrays must be rectangular");
        }
        if (axis == depth - 1) {
            if (array instanceof float[] floats) {
                System.arraycopy(floats, 0, flat, next[0], floats.length);
            } else {
                int[] ints = (int[]) array;
                for (int i = 0; i < ints.length; i++) {
                    flat[next[0] + i] = ints[i];
                }
            }
            next[0] += shape[axis];
            return;
        }
        Object[] children = (Object[]) array;
        for (int i = 0; i < children.length; i++) {
            fill(children[i], depth, shape, axis + 1, flat, next, where + "[" + i + "]");
        }
    }
}
