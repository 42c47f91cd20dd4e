package org.backprop.nn;

/** Shape arithmetic shared by tensors, ops and layers. Shapes are row-major, batch first. */
public final class Shapes {
    private Shapes() {
    }

    /** Returns the number of values a tensor of {@code shape} holds. */
    public static int size(int[] shape) {
        long size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + describe(shape) + " holds more than 2^31 values");
        }
        return (int) size;
    }

    /** Returns the row-major strides of {@code shape}. */
    public static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    /**
     * Returns the shape two operands broadcast to, NumPy style: dimensions are matched from the right and
     * must be equal or 1.
     */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] result = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + describe(a) + " and " + describe(b)
                        + " cannot be broadcast together");
            }
            result[i] = Math.max(da, db);
        }
        return result;
    }

    /** Returns whether two shapes are equal. */
    public static boolean same(int[] a, int[] b) {
        return java.util.Arrays.equals(a, b);
    }

    /** Returns the shape as Keras prints it: {@code (3, 1)}, {@code (3,)}, with {@code None} for -1. */
    public static String describe(int[] shape) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "None" : Integer.toString(shape[i]));
        }
        return text.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Returns {@code shape} with {@code batch} in front. */
    public static int[] withBatch(int batch, int[] shape) {
        int[] result = new int[shape.length + 1];
        result[0] = batch;
        System.arraycopy(shape, 0, result, 1, shape.length);
        return result;
    }

    /** Returns {@code shape} without its first (batch) dimension. */
    public static int[] withoutBatch(int[] shape) {
        int[] result = new int[shape.length - 1];
        System.arraycopy(shape, 1, result, 0, result.length);
        return result;
    }
}
