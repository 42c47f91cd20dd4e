package org.backprop.nn.ops;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;

/** y = the inputs joined along one axis; each input's gradient is its slice of dy. */
final class Concatenate extends Function {
    private final int axis;
    private final int[] sizes;

    private Concatenate(List<Tensor> parts, int axis) {
        super(parts.toArray(new Tensor[0]));
        this.axis = axis;
        this.sizes = new int[parts.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = parts.get(i).dim(axis);
        }
    }

    static Tensor apply(List<Tensor> parts, int axis) {
        Tensor y = Backends.current().concatenate(parts, axis);
        return Ops.record(y, new Concatenate(parts, axis));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        Tensor[] grads = new Tensor[sizes.length];
        int start = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (inputs()[i].requiresGrad()) {
                grads[i] = Backends.current().slice(dy, axis, start, sizes[i]);
            }
            start += sizes[i];
        }
        return grads;
    }

    @Override
    public String name() {
        return "concatenate";
    }
}
