package org.backprop.nn.models;

import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;

/**
 * A model used as a layer, as Keras calls a model on a tensor ({@code x = data_augmentation(inputs)}, {@code x =
 * conv_base(x)}): one layer named and typed as the model ({@code Sequential} or {@code Functional}) whose weights are
 * the model's, so that a summary shows it as one row with all their parameters. It also holds the model's trainable
 * flag: freezing either freezes every layer of the model.
 */
final class ModelLayer extends Layer {
    private final Model model;

    ModelLayer(Model model) {
        super("model", model.name());
        this.model = model;
    }

    /** Returns the model this layer stands for. */
    Model model() {
        return model;
    }

    @Override
    public String typeName() {
        return model instanceof Sequential ? "Sequential" : "Functional";
    }

    @Override
    public List<Layer> sublayers() {
        return model.layers();
    }

    @Override
    protected void createWeights(int[] inputShape) {
        if (model instanceof Sequential sequential && !sequential.built()) {
            sequential.build(inputShape);
        }
        int[] expected = model.builtInputShape();
        if (!Shapes.same(expected, inputShape)) {
            throw new IllegalArgumentException("Model \"" + model.name() + "\" expects input of shape "
                    + Shapes.describe(Shapes.withBatch(-1, expected)) + ", but it was called on input with shape "
                    + Shapes.describe(Shapes.withBatch(-1, inputShape)));
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return model.builtOutputShape();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return model.call(inputs, training);
    }
}
