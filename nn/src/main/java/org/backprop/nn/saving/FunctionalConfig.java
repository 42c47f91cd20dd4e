package org.backprop.nn.saving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.models.Model;

/**
 * A functional model's config, as Keras's {@code Functional.get_config()}: {@code name}; {@code layers}, each with
 * its {@code class_name}, {@code name}, {@code config} and {@code inbound_nodes}; {@code input_layers} and
 * {@code output_layers}. Each input is a layer of class {@code InputLayer}, named as the model names it ({@code
 * input_layer} unless the program named it, as {@code title}), whose config holds its {@code batch_shape};
 * {@code input_layers} and {@code output_layers} list the model's inputs and outputs in order. Each application of a layer is one of its nodes, numbered from 0 in the order
 * the graph runs them; a node lists the tensors it was called on as {@code [layer name, node index, tensor index]}
 * (tensor index always 0: every nn layer has one output). So {@code Add} of a block's output and its shortcut
 * lists {@code [["max_pooling2d", 0, 0], ["conv2d_1", 0, 0]]}.
 */
final class FunctionalConfig {
    /** The name Keras gives a model's input; a file's only input of that name (or a numbered one) is unnamed. */
    static final String INPUT_NAME = "input_layer";
    private static final String INPUT_CLASS = "InputLayer";

    private FunctionalConfig() {
    }

    static Map<String, Object> describe(Model model) {
        ModelConfig.checkUniqueNames(model, model.layers(), null);
        for (Layer layer : model.layers()) {
            if (model.inputNames().contains(layer.name())) {
                throw new IllegalArgumentException("Model \"" + model.name() + "\" has a layer named like its input \""
                        + layer.name() + "\", so it cannot be saved: give each layer and input its own name");
            }
        }
        Map<KerasTensor, List<Object>> references = new IdentityHashMap<>();
        List<Object> inputLayers = new ArrayList<>();
        for (int i = 0; i < model.inputs().size(); i++) {
            references.put(model.inputs().get(i), reference(model.inputNames().get(i), 0));
            inputLayers.add(reference(model.inputNames().get(i), 0));
        }
        Map<Layer, List<Object>> nodesByLayer = new LinkedHashMap<>();
        for (KerasTensor step : steps(model)) {
            List<Object> nodes = nodesByLayer.computeIfAbsent(step.layer(), layer -> new ArrayList<>());
            List<Object> arguments = new ArrayList<>();
            for (KerasTensor argument : step.inputs()) {
                arguments.add(references.get(argument));
            }
            references.put(step, reference(step.layer().name(), nodes.size()));
            nodes.add(arguments);
        }
        List<Object> layers = new ArrayList<>();
        for (int i = 0; i < model.inputs().size(); i++) {
            layers.add(inputLayer(model.inputs().get(i), model.inputNames().get(i)));
        }
        for (Map.Entry<Layer, List<Object>> layer : nodesByLayer.entrySet()) {
            Map<String, Object> described = new LinkedHashMap<>();
            Map<String, Object> classAndConfig = ModelConfig.layer(layer.getKey());
            described.put("class_name", classAndConfig.get("class_name"));
            described.put("name", layer.getKey().name());
            described.put("config", classAndConfig.get("config"));
            described.put("inbound_nodes", layer.getValue());
            layers.add(described);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", model.name());
        config.put("layers", layers);
        config.put("input_layers", inputLayers);
        List<Object> outputLayers = new ArrayList<>();
        for (KerasTensor output : model.outputs()) {
            outputLayers.add(references.get(output));
        }
        config.put("output_layers", outputLayers);
        return config;
    }

    /** Returns every layer application the output depends on, inputs before their uses, as the model runs them. */
    private static List<KerasTensor> steps(Model model) {
        Map<KerasTensor, Boolean> seen = new IdentityHashMap<>();
        List<KerasTensor> pending = new ArrayList<>(model.outputs());
        List<KerasTensor> found = new ArrayList<>();
        while (!pending.isEmpty()) {
            KerasTensor tensor = pending.remove(pending.size() - 1);
            if (seen.put(tensor, Boolean.TRUE) == null && tensor.layer() != null) {
                found.add(tensor);
                pending.addAll(tensor.inputs());
            }
        }
        found.sort(Comparator.comparingLong(KerasTensor::order));
        return found;
    }

    private static List<Object> reference(String layer, int node) {
        List<Object> reference = new ArrayList<>();
        reference.add(layer);
        reference.add(node);
        reference.add(0);
        return reference;
    }

    private static Map<String, Object> inputLayer(Input input, String name) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("batch_shape", ModelConfig.batchShape(input.shape()));
        config.put("dtype", WeightTable.DTYPE);
        config.put("name", name);
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("class_name", INPUT_CLASS);
        described.put("name", name);
        described.put("config", config);
        described.put("inbound_nodes", List.of());
        return described;
    }

    /** One layer application to rebuild: the layer, its node index and the references to its arguments. */
    private record Node(Layer layer, int index, List<Object> arguments, String where) {
    }

    static Model rebuild(Map<String, Object> config) {
        String where = "model.config";
        List<Object> described = Members.list(config, "layers", where);
        if (described.size() > ModelConfig.MAX_LAYERS) {
            throw new IllegalArgumentException(where + ".layers lists " + described.size() + " layers, more than "
                    + ModelConfig.MAX_LAYERS);
        }
        Map<String, int[]> inputShapes = new LinkedHashMap<>();
        Map<String, Layer> layersByName = new HashMap<>();
        List<Node> pending = new ArrayList<>();
        for (int i = 0; i < described.size(); i++) {
            String at = where + ".layers[" + i + "]";
            Map<String, Object> entry = Members.object(described.get(i), at);
            String name = Members.string(entry, "name", at);
            if (layersByName.containsKey(name) || inputShapes.containsKey(name)) {
                throw new IllegalArgumentException(at + ": two layers are named \"" + name + "\"");
            }
            if (INPUT_CLASS.equals(Members.string(entry, "class_name", at))) {
                Map<String, Object> inputConfig = Members.object(entry, "config", at);
                inputShapes.put(name, ModelConfig.shapeWithoutBatch(
                        Members.required(inputConfig, "batch_shape", at + ".config"), at + ".config.batch_shape"));
                continue;
            }
            Layer layer = ModelConfig.layer(entry, at);
            if (!layer.name().equals(name)) {
                throw new IllegalArgumentException(at + ": the layer is named \"" + name + "\" but its config names"
                        + " it \"" + layer.name() + "\"");
            }
            layersByName.put(name, layer);
            List<Object> nodes = Members.list(entry, "inbound_nodes", at);
            for (int n = 0; n < nodes.size(); n++) {
                String nodeAt = at + ".inbound_nodes[" + n + "]";
                pending.add(new Node(layer, n, Members.list(nodes.get(n), nodeAt), nodeAt));
            }
        }
        if (inputShapes.isEmpty()) {
            throw new IllegalArgumentException(where + ".layers has no InputLayer");
        }
        if (pending.size() > ModelConfig.MAX_LAYERS) {
            throw new IllegalArgumentException(where + ".layers call layers " + pending.size() + " times, more than "
                    + ModelConfig.MAX_LAYERS);
        }
        Map<String, KerasTensor> tensors = new HashMap<>();
        for (Map.Entry<String, int[]> input : inputShapes.entrySet()) {
            tensors.put(key(input.getKey(), 0), input(input.getKey(), input.getValue(), inputShapes.size()));
        }
        apply(pending, tensors);
        List<KerasTensor> inputs = inputs(Members.list(config, "input_layers", where), inputShapes, tensors,
                where + ".input_layers");
        List<Object> outputList = Members.list(config, "output_layers", where);
        if (outputList.isEmpty()) {
            throw new IllegalArgumentException(where + ".output_layers must list at least one output, got none");
        }
        List<KerasTensor> outputs = new ArrayList<>();
        for (int i = 0; i < outputList.size(); i++) {
            KerasTensor output = tensors.get(referenceKey(outputList.get(i), where + ".output_layers[" + i + "]"));
            if (output == null) {
                throw new IllegalArgumentException(where + ".output_layers[" + i + "] refers to " + outputList.get(i)
                        + ", which no layer produces");
            }
            outputs.add(output);
        }
        return new Model(inputs, outputs, Members.string(config, "name", where));
    }

    /**
     * Returns the input named {@code name}: unnamed when it is a file's only input and has Keras's default name
     * ({@code input_layer}, {@code input_layer_3}), so that the model names it as a program's unnamed input.
     */
    private static Input input(String name, int[] shape, int inputCount) {
        boolean defaultName = name.equals(INPUT_NAME) || name.startsWith(INPUT_NAME + "_");
        return inputCount == 1 && defaultName ? Input.shape(shape) : Input.shape(name, shape);
    }

    /** Returns the inputs {@code listed} names, in its order; it must name every InputLayer once. */
    private static List<KerasTensor> inputs(List<Object> listed, Map<String, int[]> inputShapes,
            Map<String, KerasTensor> tensors, String where) {
        if (listed.size() != inputShapes.size()) {
            throw new IllegalArgumentException(where + " must list the " + inputShapes.size() + " InputLayers "
                    + inputShapes.keySet() + " once each, got " + listed);
        }
        List<KerasTensor> inputs = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            String key = referenceKey(listed.get(i), where + "[" + i + "]");
            KerasTensor input = tensors.get(key);
            if (!(input instanceof Input) || inputs.contains(input)) {
                throw new IllegalArgumentException(where + "[" + i + "] must name one of the InputLayers "
                        + inputShapes.keySet() + " once, as [name, 0, 0], got " + listed.get(i));
            }
            inputs.add(input);
        }
        return inputs;
    }

    /**
     * Applies every node to its arguments once they exist. The file lists layers in the order they were first
     * used, but a shared layer's later node may wait for a layer listed after it, so this goes round until every
     * node has run, and fails when a round runs none (a reference to nothing, or a cycle).
     */
    private static void apply(List<Node> pending, Map<String, KerasTensor> tensors) {
        while (!pending.isEmpty()) {
            List<Node> waiting = new ArrayList<>();
            for (Node node : pending) {
                List<KerasTensor> arguments = new ArrayList<>();
                for (int a = 0; a < node.arguments().size(); a++) {
                    KerasTensor argument = tensors.get(referenceKey(node.arguments().get(a),
                            node.where() + "[" + a + "]"));
                    if (argument != null) {
                        arguments.add(argument);
                    }
                }
                if (arguments.size() < node.arguments().size()) {
                    waiting.add(node);
                    continue;
                }
                if (arguments.isEmpty()) {
                    throw new IllegalArgumentException(node.where() + " calls layer \"" + node.layer().name()
                            + "\" on no inputs");
                }
                tensors.put(key(node.layer().name(), node.index()),
                        node.layer().apply(arguments.toArray(new KerasTensor[0])));
            }
            if (waiting.size() == pending.size()) {
                Node stuck = waiting.get(0);
                throw new IllegalArgumentException(stuck.where() + " calls layer \"" + stuck.layer().name()
                        + "\" on " + stuck.arguments() + ", which the other layers never produce");
            }
            pending = waiting;
        }
    }

    /** Returns the key of the tensor a {@code [layer name, node index, tensor index]} reference names. */
    private static String referenceKey(Object reference, String where) {
        List<Object> parts = Members.list(reference, where);
        if (parts.size() < 3 || !(parts.get(0) instanceof String)) {
            throw new IllegalArgumentException(where + " must be a reference [layer name, node index, tensor index],"
                    + " got " + parts);
        }
        long node = Members.whole(parts.get(1), Integer.MAX_VALUE, where + "[1]");
        if (Members.whole(parts.get(2), Integer.MAX_VALUE, where + "[2]") != 0) {
            throw new IllegalArgumentException(where + " names tensor " + parts.get(2) + " of a layer, but nn layers"
                    + " have one output, tensor 0");
        }
        return key((String) parts.get(0), (int) node);
    }

    private static String key(String layer, int node) {
        return layer + "#" + node;
    }
}
