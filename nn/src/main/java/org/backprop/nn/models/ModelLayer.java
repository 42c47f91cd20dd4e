package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;

/**
 * A model used as a layer, as Keras calls a model on a tensor ({@code x = data_augmentation(inputs)}, {@code x =
 * conv_base(x)}): one layer named and typed as the model ({@code Sequential} or {@code Functional}) whose weights are
 * the model's, so that a summary shows it as one row with all their parameters. It also holds the model's trainable
 * flag: freezing either freezes every layer of the model. A subclassed model's layers are the ones tracked here, by
 * the same {@code track} as a layer made of layers. Masks go through as through the model's layers: the input's mask
 * reaches them, and the mask of the model's output is this layer's.
 */
final class ModelLayer extends Layer {
    private final Model model;
    /**
     * The last forward's inputs, their mask and the mask of its output: {@link #computeMask} for the same inputs,
     * which a model asks right after the call, takes it instead of running the model again.
     */
    private Tensor lastInputs;
    private Tensor lastInputMask;
    private Tensor lastOutputMask;

    ModelLayer(Model model) {
        super("model", model.name());
        this.model = model;
    }

    /** Returns the model this layer stands for. */
    Model model() {
        return model;
    }

    /** Returns Keras's type for the model: {@code Sequential}, {@code Functional}, or a subclass's class name. */
    @Override
    public String typeName() {
        if (model instanceof Sequential) {
            return "Sequential";
        }
        String className = model.getClass().getSimpleName();
        return !model.routesInputsItself() || className.isEmpty() ? "Functional" : className;
    }

    @Override
    public List<Layer> sublayers() {
        return model.layers();
    }

    /** Tracks {@code layer} as one of a subclassed model's layers ({@link Model#track}). */
    <L extends Layer> L trackLayer(L layer) {
        return track(layer);
    }

    /** Returns the layers tracked for a subclassed model, in the order they were tracked. */
    List<Layer> trackedLayers() {
        return super.sublayers();
    }

    /**
     * Returns each layer's output shape (without batch) for the input it was built for, null for a layer not built
     * yet: a subclassed model knows its layers' shapes only from the calls that built them.
     */
    static List<int[]> outputShapesOf(List<Layer> layers) {
        List<int[]> shapes = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer instanceof ModelLayer nested) {
                shapes.add(nested.model.built() ? nested.model.builtOutputShape() : null);
            } else {
                shapes.add(layer.built() ? layer.computeOutputShape(layer.inputShape()) : null);
            }
        }
        return shapes;
    }

    @Override
    protected void createWeights(int[] inputShape) {
        model.buildIfNeeded(inputShape);
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
        return forward(inputs, null, training);
    }

    @Override
    protected Tensor forward(Tensor inputs, Tensor mask, boolean training) {
        MaskedOutput result = model.callWithMask(inputs, mask, training);
        lastInputs = inputs;
        lastInputMask = mask;
        lastOutputMask = result.mask();
        return result.output();
    }

    /** Returns the mask of the model's output for {@code inputs} carrying {@code mask}, as Keras's compute_mask. */
    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        if (!model.carriesMasks()) {
            return null;
        }
        if (inputs == lastInputs && mask == lastInputMask) {
            Tensor outputMask = lastOutputMask;
            lastInputs = null;
            lastInputMask = null;
            lastOutputMask = null;
            return outputMask;
        }
        return model.callWithMask(inputs, mask, false).mask();
    }
}
