package org.backprop.nn.layers;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** Flattens everything but the batch axis, as Keras's {@code Flatten}: {@code [batch, …]} → {@code [batch, n]}. */
public final class Flatten extends Layer {

    public Flatten() {
        super("flatten");
    }

    @Override
    public String typeName() {
        return "Flatten";
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {Shapes.size(inputShape)};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return Ops.reshape(inputs, new int[] {inputs.dim(0), Shapes.size(Shapes.withoutBatch(inputs.shape()))});
    }
}
