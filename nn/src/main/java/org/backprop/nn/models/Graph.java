package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;

/** The layer applications between a functional model's input and output, in an order that can run them. */
final class Graph {
    /** The name Keras gives a model's input in summaries. */
    static final String INPUT_NAME = "input_layer";

    private final Input input;
    private final KerasTensor output;
    private final List<KerasTensor> steps;

    Graph(Input input, KerasTensor output) {
        this.input = input;
        this.output = output;
        this.steps = stepsBetween(input, output);
    }

    /** Returns every produced tensor the output depends on, sorted so that inputs come before their uses. */
    private static List<KerasTensor> stepsBetween(Input input, KerasTensor output) {
        Map<KerasTensor, Boolean> seen = new IdentityHashMap<>();
        List<KerasTensor> pending = new ArrayList<>(List.of(output));
        List<KerasTensor> found = new ArrayList<>();
        while (!pending.isEmpty()) {
            KerasTensor tensor = pending.remove(pending.size() - 1);
            if (seen.put(tensor, Boolean.TRUE) != null) {
                continue;
            }
            if (tensor.layer() == null) {
                if (tensor != input) {
                    throw new IllegalArgumentException("the model's output depends on an Input that is not the"
                            + " model's input");
                }
                continue;
            }
            found.add(tensor);
            pending.addAll(tensor.inputs());
        }
        found.sort(Comparator.comparingLong(KerasTensor::order));
        return found;
    }

    Input input() {
        return input;
    }

    KerasTensor output() {
        return output;
    }

    /** Returns each layer once, in the order the graph first uses it. */
    List<Layer> layers() {
        LinkedHashSet<Layer> layers = new LinkedHashSet<>();
        for (KerasTensor step : steps) {
            layers.add(step.layer());
        }
        return new ArrayList<>(layers);
    }

    /** Returns each layer's output shape (without batch), in the order of {@link #layers()}. */
    List<int[]> layerOutputShapes() {
        Map<Layer, int[]> shapes = new java.util.LinkedHashMap<>();
        for (KerasTensor step : steps) {
            shapes.putIfAbsent(step.layer(), step.shape());
        }
        return new ArrayList<>(shapes.values());
    }

    /** Returns the names of the layers that feed {@code layer} where the graph first uses it. */
    List<String> inboundLayerNames(Layer layer) {
        for (KerasTensor step : steps) {
            if (step.layer() == layer) {
                List<String> names = new ArrayList<>();
                for (KerasTensor argument : step.inputs()) {
                    names.add(argument.layer() == null ? INPUT_NAME : argument.layer().name());
                }
                return names;
            }
        }
        throw new IllegalArgumentException("layer \"" + layer.name() + "\" is not in this model");
    }

    /** Returns the output for {@code inputs} carrying {@code mask} (null: none), and the output's mask. */
    MaskedOutput run(Tensor inputs, Tensor mask, boolean training) {
        Map<KerasTensor, Tensor> values = new IdentityHashMap<>();
        // Each produced tensor's mask (see Masks); a tensor without one is absent.
        Map<KerasTensor, Tensor> masks = new IdentityHashMap<>();
        values.put(input, inputs);
        if (mask != null) {
            masks.put(input, mask);
        }
        for (KerasTensor step : steps) {
            List<Tensor> arguments = new ArrayList<>();
            List<Tensor> argumentMasks = new ArrayList<>();
            for (KerasTensor argument : step.inputs()) {
                arguments.add(values.get(argument));
                argumentMasks.add(masks.get(argument));
            }
            values.put(step, step.layer().callAll(arguments, argumentMasks, training));
            Tensor stepMask = step.layer().computeMask(arguments, argumentMasks);
            if (stepMask != null) {
                masks.put(step, stepMask);
            }
        }
        return new MaskedOutput(values.get(output), masks.get(output));
    }
}
