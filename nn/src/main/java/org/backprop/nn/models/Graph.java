package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;

/**
 * The layer applications between a functional model's inputs and outputs, in an order that can run them. Inputs
 * and outputs are named as Keras names them: an input by the name it was given ({@code Input.shape("title", ...)}),
 * else {@code input_layer}, {@code input_layer_1}, …; an output by the layer that produces it.
 */
final class Graph {
    /** The name Keras gives a model's first unnamed input in summaries. */
    static final String INPUT_NAME = "input_layer";

    private final List<Input> inputs;
    private final List<String> inputNames;
    private final List<KerasTensor> outputs;
    private final List<String> outputNames;
    private final List<KerasTensor> steps;

    Graph(List<? extends KerasTensor> inputs, List<? extends KerasTensor> outputs) {
        this.inputs = checkedInputs(inputs);
        this.inputNames = names(this.inputs);
        this.outputs = checkedOutputs(outputs);
        this.steps = stepsBetween(this.inputs, this.outputs);
        this.outputNames = new ArrayList<>();
        for (KerasTensor output : this.outputs) {
            String name = output.layer() == null ? inputName(output) : output.layer().name();
            if (outputNames.contains(name)) {
                throw new IllegalArgumentException("two of the model's outputs come from \"" + name + "\": each output"
                        + " must come from a layer of its own");
            }
            outputNames.add(name);
        }
    }

    private static List<Input> checkedInputs(List<? extends KerasTensor> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one Input, got " + (inputs == null ? "null"
                    : "none"));
        }
        List<Input> checked = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            KerasTensor input = inputs.get(i);
            if (!(input instanceof Input entry)) {
                throw new IllegalArgumentException("inputs[" + i + "] must be an Input (Input.shape(...)), got "
                        + (input == null ? "null" : "the output of layer \"" + input.layer().name() + "\""));
            }
            for (Input earlier : checked) {
                if (earlier == entry) {
                    throw new IllegalArgumentException("inputs[" + i + "] is listed twice");
                }
            }
            checked.add(entry);
        }
        return List.copyOf(checked);
    }

    private static List<KerasTensor> checkedOutputs(List<? extends KerasTensor> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one output, got " + (outputs == null ? "null"
                    : "none"));
        }
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i) == null) {
                throw new IllegalArgumentException("outputs[" + i + "] is null");
            }
        }
        return List.copyOf(outputs);
    }

    /** Returns each input's name: its own, else Keras's default, numbered from the second unnamed one on. */
    private static List<String> names(List<Input> inputs) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int unnamed = 0;
        for (Input input : inputs) {
            String name = input.name();
            if (name == null) {
                name = unnamed == 0 ? INPUT_NAME : INPUT_NAME + "_" + unnamed;
                unnamed++;
            }
            if (!taken.add(name)) {
                throw new IllegalArgumentException("two of the model's inputs are named \"" + name + "\": give each"
                        + " Input a name of its own");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** Returns every produced tensor the outputs depend on, sorted so that inputs come before their uses. */
    private static List<KerasTensor> stepsBetween(List<Input> inputs, List<KerasTensor> outputs) {
        Map<KerasTensor, Boolean> seen = new IdentityHashMap<>();
        List<KerasTensor> pending = new ArrayList<>(outputs);
        List<KerasTensor> found = new ArrayList<>();
        while (!pending.isEmpty()) {
            KerasTensor tensor = pending.remove(pending.size() - 1);
            if (seen.put(tensor, Boolean.TRUE) != null) {
                continue;
            }
            if (tensor.layer() == null) {
                if (!containsSame(inputs, tensor)) {
                    throw new IllegalArgumentException("the model's outputs depend on an Input"
                            + (tensor instanceof Input input && input.name() != null ? " (\"" + input.name() + "\")"
                                    : "") + " that is not among the model's inputs: list it in the inputs");
                }
                continue;
            }
            found.add(tensor);
            pending.addAll(tensor.inputs());
        }
        found.sort(Comparator.comparingLong(KerasTensor::order));
        return found;
    }

    private static boolean containsSame(List<? extends KerasTensor> tensors, KerasTensor tensor) {
        for (KerasTensor candidate : tensors) {
            if (candidate == tensor) {
                return true;
            }
        }
        return false;
    }

    List<Input> inputs() {
        return inputs;
    }

    List<String> inputNames() {
        return inputNames;
    }

    List<KerasTensor> outputs() {
        return outputs;
    }

    List<String> outputNames() {
        return outputNames;
    }

    /** Returns the name of {@code input}, one of this graph's inputs. */
    private String inputName(KerasTensor input) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == input) {
                return inputNames.get(i);
            }
        }
        throw new IllegalArgumentException("not an input of this model");
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

    /** Returns the names of the layers (or inputs) that feed {@code layer} where the graph first uses it. */
    List<String> inboundLayerNames(Layer layer) {
        for (KerasTensor step : steps) {
            if (step.layer() == layer) {
                List<String> names = new ArrayList<>();
                for (KerasTensor argument : step.inputs()) {
                    names.add(argument.layer() == null ? inputName(argument) : argument.layer().name());
                }
                return names;
            }
        }
        throw new IllegalArgumentException("layer \"" + layer.name() + "\" is not in this model");
    }

    /** Returns the outputs for {@code values}, one batch per input in the order of {@link #inputs()}. */
    List<Tensor> run(List<Tensor> values, boolean training) {
        Map<KerasTensor, Tensor> masks = new IdentityHashMap<>();
        Map<KerasTensor, Tensor> computed = compute(values, masks, training);
        List<Tensor> results = new ArrayList<>();
        for (KerasTensor output : outputs) {
            results.add(computed.get(output));
        }
        return results;
    }

    /**
     * Returns the output of a graph of one input and one output for {@code inputs} carrying {@code mask} (null:
     * none), and the output's mask: the graph used as a layer of another, which hands masks on.
     */
    MaskedOutput run(Tensor inputs, Tensor mask, boolean training) {
        Map<KerasTensor, Tensor> masks = new IdentityHashMap<>();
        if (mask != null) {
            masks.put(inputs().get(0), mask);
        }
        Map<KerasTensor, Tensor> computed = compute(List.of(inputs), masks, training);
        KerasTensor output = outputs.get(0);
        return new MaskedOutput(computed.get(output), masks.get(output));
    }

    /**
     * Runs every step on {@code values} (one batch per input) and returns each tensor's value; {@code masks} holds the
     * inputs' masks and receives each produced tensor's (see Masks; a tensor without one is absent).
     */
    private Map<KerasTensor, Tensor> compute(List<Tensor> values, Map<KerasTensor, Tensor> masks, boolean training) {
        Map<KerasTensor, Tensor> computed = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            computed.put(inputs.get(i), values.get(i));
        }
        for (KerasTensor step : steps) {
            List<Tensor> arguments = new ArrayList<>();
            List<Tensor> argumentMasks = new ArrayList<>();
            for (KerasTensor argument : step.inputs()) {
                arguments.add(computed.get(argument));
                argumentMasks.add(masks.get(argument));
            }
            computed.put(step, step.layer().callAll(arguments, argumentMasks, training));
            Tensor stepMask = step.layer().computeMask(arguments, argumentMasks);
            if (stepMask != null) {
                masks.put(step, stepMask);
            }
        }
        return computed;
    }

    /** Checks that {@code values} are one batch per input, of the inputs' shapes and one batch size. */
    void checkInputs(String model, List<Tensor> values) {
        if (values == null || values.size() != inputs.size()) {
            throw new IllegalArgumentException("Model \"" + model + "\" has " + inputs.size() + " input"
                    + (inputs.size() == 1 ? "" : "s") + " " + inputNames + ", but received " + (values == null ? "null"
                    : values.size() + " array" + (values.size() == 1 ? "" : "s")));
        }
        for (int i = 0; i < inputs.size(); i++) {
            Tensor value = values.get(i);
            int[] expected = inputs.get(i).shape();
            if (value == null || !Shapes.same(expected, Shapes.withoutBatch(value.shape()))) {
                throw new IllegalArgumentException("Model \"" + model + "\" expects input" + (inputs.size() == 1 ? ""
                        : " \"" + inputNames.get(i) + "\"") + " of shape " + Shapes.describe(Shapes.withBatch(-1,
                        expected)) + ", but received input with shape " + (value == null ? "null"
                        : Shapes.describe(value.shape())));
            }
            if (value.dim(0) != values.get(0).dim(0)) {
                throw new IllegalArgumentException("Model \"" + model + "\" received inputs with different numbers of"
                        + " examples: " + inputNames.get(0) + " has " + values.get(0).dim(0) + ", " + inputNames.get(i)
                        + " has " + value.dim(0));
            }
        }
    }
}
