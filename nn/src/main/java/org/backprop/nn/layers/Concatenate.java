package org.backprop.nn.layers;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** Joins inputs along the last axis, as Keras's {@code Concatenate()}; the other dimensions must agree. */
public final class Concatenate extends Merge {

    public Concatenate() {
        super("concatenate");
    }

    @Override
    public String typeName() {
        return "Concatenate";
    }

    @Override
    protected int[] computeOutputShape(List<int[]> inputShapes) {
        int[] first = inputShapes.get(0);
        int[] output = first.clone();
        output[output.length - 1] = 0;
        for (int[] shape : inputShapes) {
            if (shape.length != first.length) {
                throw new IllegalArgumentException(shapesMessage("needs inputs of one rank", inputShapes));
            }
            for (int i = 0; i < shape.length - 1; i++) {
                if (shape[i] != first[i]) {
                    throw new IllegalArgumentException(shapesMessage(
                            "needs inputs that agree in all but the last axis", inputShapes));
                }
            }
            output[output.length - 1] += shape[shape.length - 1];
        }
        return output;
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return Ops.concatenate(inputs, -1);
    }
}
