package org.backprop.nn.models;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/** Cuts examples out of a batch-first tensor. */
final class Batches {
    private Batches() {
    }

    /** Returns rows {@code [from, to)} of {@code data}. */
    static Tensor range(Tensor data, int from, int to) {
        int[] shape = data.shape();
        int rowSize = data.size() / shape[0];
        float[] values = new float[(to - from) * rowSize];
        System.arraycopy(TensorInternals.values(data), from * rowSize, values, 0, values.length);
        shape[0] = to - from;
        return TensorInternals.wrap(shape, values);
    }
}
