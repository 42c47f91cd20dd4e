package org.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** A layer that combines several inputs into one (Add, Concatenate); it has no weights. */
public abstract class Merge extends Layer {
    /** The output shape of the last call, for a subclassed model's summary, which knows no symbolic shapes. */
    private int[] lastOutputShape;

    protected Merge(String kerasPrefix) {
        super(kerasPrefix);
    }

    /** Returns the output shape (without batch) for inputs of these shapes, or fails naming them. */
    protected abstract int[] computeOutputShape(List<int[]> inputShapes);

    /** Returns the combination of {@code inputs} (each with batch). */
    protected abstract Tensor merge(List<Tensor> inputs);

    @Override
    public final KerasTensor apply(KerasTensor... inputs) {
        if (inputs.length < 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (" + typeName() + ") needs at least two"
                    + " inputs, got " + inputs.length);
        }
        List<int[]> shapes = new ArrayList<>();
        for (KerasTensor input : inputs) {
            shapes.add(input.shape());
        }
        int[] output = computeOutputShape(shapes);
        build(shapes.get(0));
        lastOutputShape = output;
        return KerasTensor.produced(output, this, List.of(inputs));
    }

    /** Returns the output shape of the last call when there was one (a merge has several inputs), else {@code inputShape}. */
    @Override
    public final int[] computeOutputShape(int[] inputShape) {
        return lastOutputShape == null ? inputShape.clone() : lastOutputShape.clone();
    }

    @Override
    public final Tensor callAll(List<Tensor> inputs, boolean training) {
        List<int[]> shapes = new ArrayList<>();
        for (Tensor input : inputs) {
            shapes.add(Shapes.withoutBatch(input.shape()));
        }
        int[] output = computeOutputShape(shapes);
        // Built once, so that a subclassed model's summary counts it; later calls may take other shapes, as before.
        if (!built()) {
            build(shapes.get(0));
        }
        lastOutputShape = output;
        return merge(inputs);
    }

    /**
     * Returns Keras's merged mask: 1 where every input that carries a mask has 1 (the others count as all real
     * steps), or null when none carries one. See {@link Masks}.
     */
    @Override
    public final Tensor computeMask(List<Tensor> inputs, List<Tensor> masks) {
        Tensor merged = null;
        for (int i = 0; i < masks.size(); i++) {
            Tensor mask = masks.get(i);
            if (mask != null) {
                Masks.check(this, mask, inputs.get(i));
                merged = merged == null ? mask : Ops.multiply(merged, mask);
            }
        }
        return merged;
    }

    @Override
    protected final Tensor forward(Tensor inputs, boolean training) {
        throw new IllegalStateException("Layer \"" + name() + "\" (" + typeName() + ") combines several inputs;"
                + " call it on a list of them");
    }

    /** Returns a message naming this layer and the shapes it received. */
    protected final String shapesMessage(String problem, List<int[]> shapes) {
        StringBuilder text = new StringBuilder("Layer \"" + name() + "\" (" + typeName() + ") " + problem + ", got ");
        for (int i = 0; i < shapes.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(Shapes.describe(Shapes.withBatch(-1, shapes.get(i))));
        }
        return text.toString();
    }
}
