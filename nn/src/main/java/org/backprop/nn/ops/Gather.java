package org.backprop.nn.ops;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.backend.Backends;

/**
 * y = the rows of a table named by integer indices; d table = dy scatter-added back to the rows it came
 * from (a row picked twice gets both gradients). The indices are not differentiable.
 */
final class Gather extends Function {
    private final Tensor indices;
    private final int rows;

    private Gather(Tensor table, Tensor indices) {
        super(table, indices);
        this.indices = indices;
        this.rows = table.dim(0);
    }

    static Tensor apply(Tensor table, Tensor indices) {
        Tensor y = Backends.current().gather(table, indices);
        return Ops.record(y, new Gather(table, indices));
    }

    @Override
    public Tensor[] backward(Tensor dy) {
        return new Tensor[] {Backends.current().scatterAddRows(dy, indices, rows), null};
    }

    @Override
    public String name() {
        return "gather";
    }
}
