package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerNames;

/**
 * A plain stack of layers, each feeding the next, as Keras's {@code Sequential}. Given an {@link Input} it
 * is built at once; otherwise it is built by the first batch it sees.
 */
public final class Sequential extends Model {
    private final List<Layer> layers = new ArrayList<>();
    private int[] inputShape;

    /** Returns a model of {@code layers}, built when it first sees data. */
    public Sequential(Layer... layers) {
        super(LayerNames.uniqueModelName("sequential"));
        for (Layer layer : layers) {
            add(layer);
        }
    }

    /**
     * Returns a model of {@code layers} named {@code name}, as Keras's {@code Sequential(layers, name=...)}, built
     * when it first sees data.
     */
    public Sequential(String name, Layer... layers) {
        super(name);
        for (Layer layer : layers) {
            add(layer);
        }
    }

    /** Returns a model of {@code layers} built for examples of {@code input}'s shape. */
    public Sequential(Input input, Layer... layers) {
        this(layers);
        build(input.shape());
    }

    /** Appends a layer, as Keras's {@code model.add}. */
    public void add(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("layer must not be null");
        }
        layers.add(layer);
        if (inputShape != null) {
            build(inputShape);
        }
    }

    /** Builds every layer for examples of {@code shape} (without batch), checking that consecutive shapes fit. */
    @Override
    public void build(int... shape) {
        int[] current = shape.clone();
        for (Layer layer : layers) {
            layer.build(current);
            current = layer.computeOutputShape(current);
        }
        inputShape = shape.clone();
    }

    /** Fails: a Sequential model runs its layers in turn and keeps no symbolic graph. Read {@link #layers()}. */
    @Override
    public Input input() {
        throw new IllegalStateException("Sequential model \"" + name() + "\" has no symbolic input; read its layers()");
    }

    /** Fails: a Sequential model keeps no symbolic graph. Read {@link #layers()}. */
    @Override
    public KerasTensor output() {
        throw new IllegalStateException("Sequential model \"" + name() + "\" has no symbolic output; read its"
                + " layers()");
    }

    @Override
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public boolean built() {
        return inputShape != null;
    }

    @Override
    public List<String> inboundLayerNames(Layer layer) {
        int index = layers.indexOf(layer);
        if (index < 0) {
            throw new IllegalArgumentException("layer \"" + layer.name() + "\" is not in model \"" + name() + "\"");
        }
        return List.of(index == 0 ? Graph.INPUT_NAME : layers.get(index - 1).name());
    }

    @Override
    public List<int[]> layerOutputShapes() {
        List<int[]> shapes = new ArrayList<>();
        int[] current = inputShape;
        for (Layer layer : layers) {
            current = layer.computeOutputShape(current);
            shapes.add(current);
        }
        return shapes;
    }

    @Override
    int[] builtInputShape() {
        if (inputShape == null) {
            throw new IllegalStateException("Sequential model \"" + name() + "\" is not built yet");
        }
        return inputShape.clone();
    }

    @Override
    int[] builtOutputShape() {
        List<int[]> shapes = layerOutputShapes();
        return shapes.isEmpty() ? builtInputShape() : shapes.get(shapes.size() - 1);
    }

    /** Appends a model as one layer, as Keras's {@code model.add(conv_base)}; see {@link Model#asLayer()}. */
    public void add(Model model) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        add(model.asLayer());
    }

    @Override
    boolean routesInputsItself() {
        return false;
    }

    @Override
    boolean carriesMasks() {
        return true;
    }

    @Override
    public Tensor call(Tensor inputs, boolean training) {
        return callWithMask(inputs, null, training).output();
    }

    @Override
    MaskedOutput callWithMask(Tensor inputs, Tensor inputMask, boolean training) {
        if (inputShape == null) {
            build(Shapes.withoutBatch(inputs.shape()));
        }
        Tensor outputs = inputs;
        // Each layer gets the mask of its input and computes its output's (see Masks).
        Tensor mask = inputMask;
        for (Layer layer : layers) {
            Tensor next = layer.callWithMask(outputs, mask, training);
            mask = layer.computeMask(outputs, mask);
            outputs = next;
        }
        return new MaskedOutput(outputs, mask);
    }
}
