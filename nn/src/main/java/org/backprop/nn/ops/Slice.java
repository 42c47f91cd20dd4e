package org.backprop.nn.ops;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;

/** y = positions [start, start + length) of x along one axis; dx = dy between zeros where x was cut off. */
final class Slice extends Function {
    private final int[] inputShape;
    private final int axis;
    private final int start;

    private Slice(Tensor x, int axis, int start) {
        super(x);
        this.inputShape = x.shape();
        this.axis = axis;
        this.start = start;
    }

    static Tensor apply(Tensor x, int axis, int start, int length) {
        Tensor y = Backends.current().slice(x, axis, start, length);
        return Ops.record(y, new Slice(x, axis, start));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        List<Tensor> parts = new ArrayList<>();
        parts.add(zerosAlong(start));
        parts.add(dy);
        parts.add(zerosAlong(inputShape[axis] - start - dy.dim(axis)));
        return new Tensor[] {Backends.current().concatenate(parts, axis)};
    }

    private Tensor zerosAlong(int size) {
        int[] shape = inputShape.clone();
        shape[axis] = size;
        return Tensor.zeros(shape);
    }

    @Override
    public String name() {
        return "slice";
    }
}
