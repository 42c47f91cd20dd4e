package org.backprop.nn.layers;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Joins inputs along one axis, as Keras's {@code Concatenate(axis=-1)}: by default the last, or {@code axis} counted
 * as Keras counts it, with the batch as axis 0 (InceptionV3's {@code axis=3} on images is their channels); the other
 * dimensions must agree.
 */
public final class Concatenate extends Merge {
    private final int axis;

    /** Returns the layer that joins its inputs along their last axis, Keras's default. */
    public Concatenate() {
        this(-1);
    }

    /** Returns the layer that joins its inputs along {@code axis} (negative counts from the end; 0 is the batch). */
    public Concatenate(int axis) {
        super("concatenate");
        if (axis == 0) {
            throw new IllegalArgumentException("axis must not be 0, the batch axis: Concatenate joins the inputs of"
                    + " one batch; got 0");
        }
        this.axis = axis;
    }

    @Override
    public String typeName() {
        return "Concatenate";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("axis", axis);
    }

    @Override
    protected int[] computeOutputShape(List<int[]> inputShapes) {
        int[] first = inputShapes.get(0);
        // Shapes here leave the batch out: Keras's axis a ≥ 1 is index a − 1.
        int joined = axis < 0 ? first.length + axis : axis - 1;
        if (joined < 0 || joined >= first.length) {
            throw new IllegalArgumentException(shapesMessage("has axis " + axis + ", which inputs of rank "
                    + (first.length + 1) + " (with the batch) do not have", inputShapes));
        }
        int[] output = first.clone();
        output[joined] = 0;
        for (int[] shape : inputShapes) {
            if (shape.length != first.length) {
                throw new IllegalArgumentException(shapesMessage("needs inputs of one rank", inputShapes));
            }
            for (int i = 0; i < shape.length; i++) {
                if (i != joined && shape[i] != first[i]) {
                    throw new IllegalArgumentException(shapesMessage(
                            "needs inputs that agree in all but the joined axis", inputShapes));
                }
            }
            output[joined] += shape[joined];
        }
        return output;
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return Ops.concatenate(inputs, axis);
    }
}
