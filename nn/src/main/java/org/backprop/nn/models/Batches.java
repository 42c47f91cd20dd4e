package org.backprop.nn.models;

import org.backprop.nn.Tensor;

/** Cuts examples out of a batch-first tensor. */
final class Batches {
    private Batches() {
    }

    /** Returns rows {@code order[from..to)} of {@code data}, in that order. */
    static Tensor rows(Tensor data, int[] order, int from, int to) {
        int[] shape = data.shape();
        int rowSize = data.size() / shape[0];
        float[] source = data.internalValues();
        float[] values = new float[(to - from) * rowSize];
        for (int i = from; i < to; i++) {
            System.arraycopy(source, order[i] * rowSize, values, (i - from) * rowSize, rowSize);
        }
        shape[0] = to - from;
        return Tensor.wrap(shape, values);
    }

    /** Returns rows {@code [from, to)} of {@code data}. */
    static Tensor range(Tensor data, int from, int to) {
        int[] shape = data.shape();
        int rowSize = data.size() / shape[0];
        float[] values = new float[(to - from) * rowSize];
        System.arraycopy(data.internalValues(), from * rowSize, values, 0, values.length);
        shape[0] = to - from;
        return Tensor.wrap(shape, values);
    }

    /** Returns 0, 1, …, n − 1. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
