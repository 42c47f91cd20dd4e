package org.backprop.nn.layers;

import java.util.Arrays;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Gives each example a new shape with as many values, as Keras's {@code Reshape(target_shape)}: inputs
 * {@code [batch, …]}, outputs {@code [batch, targetShape…]}. One target dimension may be -1, inferred from
 * the others.
 */
public final class Reshape extends Layer {
    private final int[] targetShape;
    /** The product of the target dimensions other than -1. */
    private final int knownSize;
    private final boolean inferred;

    /** Returns the layer reshaping each example to {@code targetShape} (without batch). */
    public Reshape(int... targetShape) {
        super("reshape");
        int unknown = 0;
        int known = 1;
        for (int dim : targetShape) {
            unknown += dim == -1 ? 1 : 0;
            known *= dim == -1 ? 1 : dim;
            if (dim == 0 || dim < -1 || unknown > 1) {
                throw new IllegalArgumentException("target_shape must have positive dimensions and at most one -1,"
                        + " got " + Arrays.toString(targetShape));
            }
        }
        this.targetShape = targetShape.clone();
        this.knownSize = known;
        this.inferred = unknown == 1;
    }

    @Override
    public String typeName() {
        return "Reshape";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("target_shape", targetShape);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        int size = Shapes.size(shape);
        if (inferred ? size % knownSize != 0 : size != knownSize) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Reshape) cannot reshape input of shape "
                    + Shapes.describe(Shapes.withBatch(-1, shape)) + " (" + size + " values per example) to"
                    + " target_shape " + Arrays.toString(targetShape));
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] output = targetShape.clone();
        for (int i = 0; i < output.length; i++) {
            output[i] = output[i] == -1 ? Shapes.size(inputShape) / knownSize : output[i];
        }
        return output;
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return Ops.reshape(inputs, Shapes.withBatch(inputs.dim(0), computeOutputShape(inputShape())));
    }
}
