package org.backprop.nn.layers;

import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** Adds inputs of the same shape, as Keras's {@code layers.add}: the residual connection. */
public final class Add extends Merge {

    public Add() {
        super("add");
    }

    @Override
    public String typeName() {
        return "Add";
    }

    @Override
    protected int[] computeOutputShape(List<int[]> inputShapes) {
        for (int[] shape : inputShapes) {
            if (!Shapes.same(shape, inputShapes.get(0))) {
                throw new IllegalArgumentException(shapesMessage("needs inputs of the same shape", inputShapes));
            }
        }
        return inputShapes.get(0).clone();
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor sum = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            sum = Ops.add(sum, inputs.get(i));
        }
        return sum;
    }
}
