package org.backprop.nn.data;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/** Copies examples (rows along the first axis) between batch-first tensors. */
final class Rows {
    private Rows() {
    }

    /** Returns 0, 1, …, n − 1. */
    static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** Returns rows {@code rows[0], rows[1], …} of {@code data}; {@code data} itself when that is all of it in order. */
    static Tensor gather(Tensor data, int[] rows) {
        int[] shape = data.shape();
        if (rows.length == shape[0] && isIdentity(rows)) {
            return data;
        }
        int rowSize = shape[0] == 0 ? 0 : data.size() / shape[0];
        float[] source = TensorInternals.values(data);
        float[] values = new float[rows.length * rowSize];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(source, rows[i] * rowSize, values, i * rowSize, rowSize);
        }
        shape[0] = rows.length;
        return TensorInternals.wrap(shape, values);
    }

    /** Returns the rows of {@code parts} one after another; all parts have the same shape past the first axis. */
    static Tensor stack(Tensor[] parts) {
        int[] shape = parts[0].shape();
        int total = 0;
        int size = 0;
        for (Tensor part : parts) {
            total += part.dim(0);
            size += part.size();
        }
        float[] values = new float[size];
        int offset = 0;
        for (Tensor part : parts) {
            System.arraycopy(TensorInternals.values(part), 0, values, offset, part.size());
            offset += part.size();
        }
        shape[0] = total;
        return TensorInternals.wrap(shape, values);
    }

    private static boolean isIdentity(int[] rows) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != i) {
                return false;
            }
        }
        return true;
    }
}
