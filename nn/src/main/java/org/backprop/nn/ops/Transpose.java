package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;

/** y = x with axes permuted; dx = dy permuted back by the inverse permutation. */
final class Transpose extends Function {
    private final int[] inverse;

    private Transpose(Tensor x, int[] permutation) {
        super(x);
        inverse = new int[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            inverse[permutation[i]] = i;
        }
    }

    static Tensor apply(Tensor x, int[] permutation) {
        Tensor y = Backends.current().transpose(x, permutation);
        return Ops.record(y, new Transpose(x, permutation));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        return new Tensor[] {Backends.current().transpose(dy, inverse)};
    }

    @Override
    public String name() {
        return "transpose";
    }
}
