package org.backprop.nn;

import java.util.List;
import org.backprop.nn.layers.Layer;

/**
 * A symbolic tensor of the functional API, as Keras's {@code KerasTensor}: it has a shape but no values,
 * and remembers the layer application that produced it. Calling a layer on KerasTensors records the graph
 * that {@link org.backprop.nn.models.Model} then runs on real tensors.
 */
public class KerasTensor {
    private static long created;

    private final int[] shape;
    private final Layer layer;
    private final List<KerasTensor> inputs;
    private final long order;

    KerasTensor(int[] shape, Layer layer, List<KerasTensor> inputs) {
        this.shape = shape.clone();
        this.layer = layer;
        this.inputs = List.copyOf(inputs);
        this.order = created++;
        if (layer != null) {
            layer.rememberFirstCall(this);
        }
    }

    /** Returns the output of {@code layer} applied to {@code inputs}; used by {@link Layer#apply(KerasTensor...)}. */
    public static KerasTensor produced(int[] shape, Layer layer, List<KerasTensor> inputs) {
        return new KerasTensor(shape, layer, inputs);
    }

    /** Returns a copy of the shape, without the batch dimension. */
    public int[] shape() {
        return shape.clone();
    }

    /** Returns the layer that produced this tensor, or {@code null} for an {@link Input}. */
    public Layer layer() {
        return layer;
    }

    /** Returns the tensors the producing layer was applied to (none for an {@link Input}). */
    public List<KerasTensor> inputs() {
        return inputs;
    }

    /** Returns a number that grows with creation, so that sorting by it orders a graph topologically. */
    public long order() {
        return order;
    }
}
