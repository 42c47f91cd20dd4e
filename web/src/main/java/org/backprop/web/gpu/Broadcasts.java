package org.backprop.web.gpu;

/** Shape arithmetic the broadcasting kernels take as parameters. */
final class Broadcasts {
    private Broadcasts() {
    }

    /**
     * Returns, for each axis of {@code target}, the step in {@code source}'s row-major values when the target
     * coordinate along that axis grows by one: 0 along axes that {@code source} repeats (size 1 or missing).
     */
    static int[] strides(int[] source, int[] target) {
        int[] strides = new int[target.length];
        int offset = target.length - source.length;
        int step = 1;
        for (int axis = source.length - 1; axis >= 0; axis--) {
            strides[axis + offset] = source[axis] == 1 && target[axis + offset] != 1 ? 0 : step;
            step *= source[axis];
        }
        return strides;
    }

    /** Returns {@code shape} with leading 1s up to {@code rank} dimensions. */
    static int[] padLeft(int[] shape, int rank) {
        int[] padded = new int[rank];
        int offset = rank - shape.length;
        for (int axis = 0; axis < rank; axis++) {
            padded[axis] = axis < offset ? 1 : shape[axis - offset];
        }
        return padded;
    }
}
