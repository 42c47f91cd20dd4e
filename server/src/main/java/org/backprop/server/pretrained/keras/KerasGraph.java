package org.backprop.server.pretrained.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Shapes;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;

/**
 * Rebuilds the model of a Keras 3 {@code config.json} from nn layers and records where each layer's weights lie in
 * {@code model.weights.h5}. A Sequential model becomes an nn {@link Sequential}, a Functional one an nn functional
 * {@link Model}; models nested in them ({@code data_augmentation}, a {@code vgg16} conv base) are opened up into
 * their layers, which compute the same (nn's saved models hold layers, not models), keeping the nested model's
 * frozen flag on each of its layers. A Sequential model holding a Functional one becomes a functional model.
 *
 * <p>Keras files a layer's weights under its position, not its name ({@code saving_lib._save_container_state}):
 * {@code layers/<class in snake case>[_<n>]/vars/<i>}, {@code n} counting earlier layers of the same class in the
 * same model, nested models' layers under the nested model's own path ({@code layers/sequential/layers/conv2d}).
 */
final class KerasGraph {
    /** One nn layer and the HDF5 group of its Keras twin's weights. */
    record Slot(Layer layer, String className, String path) {
    }

    /** The rebuilt model and where each of its layers' weights lie. */
    record Imported(Model model, List<Slot> slots) {
    }

    /** A Functional model met among a Sequential model's layers, rebuilt once the tensor it is called on exists. */
    private record NestedFunctional(JsonNode config, String path, boolean frozen, String where) {
    }

    private static final String INPUT_LAYER = "InputLayer";
    private static final String SEQUENTIAL = "Sequential";
    private static final String FUNCTIONAL = "Functional";

    private final KerasLimits limits;
    private final List<Slot> slots = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private KerasGraph(KerasLimits limits) {
        this.limits = limits;
    }

    /** Returns the model {@code root} ({@code config.json}: {@code {"class_name": ..., "config": ...}}) describes. */
    static Imported rebuild(JsonNode root, KerasLimits limits) {
        KerasGraph graph = new KerasGraph(limits);
        String className = KerasLayers.className(root, "config.json");
        JsonNode config = KerasJson.object(root, "config", "config.json");
        String name = KerasJson.string(config, "name", "config.json.config");
        boolean frozen = !KerasJson.trainable(config);
        Model model;
        if (SEQUENTIAL.equals(className)) {
            List<Object> steps = new ArrayList<>();
            int[] inputShape = graph.sequential(config, "", frozen, steps, "config.json.config");
            if (inputShape == null) {
                throw new IllegalArgumentException("the Sequential model has no input shape (it was saved before it"
                        + " was built); give it a keras.Input and save it again");
            }
            List<Layer> layers = new ArrayList<>();
            for (Object step : steps) {
                if (step instanceof Layer layer) {
                    layers.add(layer);
                }
            }
            if (layers.size() == steps.size()) {
                Sequential sequential = new Sequential(name, layers.toArray(new Layer[0]));
                sequential.build(inputShape);
                model = sequential;
            } else {
                // A Functional model among the layers (Sequential([conv_base, Flatten(), Dense(1)])): nn's
                // Sequential holds layers only, so the same chain becomes a functional model.
                Input input = Input.shape(inputShape);
                model = new Model(input, graph.chain(steps, input), name);
            }
        } else if (FUNCTIONAL.equals(className)) {
            Input input = Input.shape(functionalInputShape(config, "config.json.config"));
            model = new Model(input, graph.functional(config, "", frozen, input, "config.json.config"), name);
        } else {
            throw new IllegalArgumentException("the model is a " + className + "; nn imports Sequential and Functional"
                    + " models (a subclassed Model's code cannot be rebuilt)");
        }
        return new Imported(model, graph.slots);
    }

    /**
     * Adds the steps of the Sequential model {@code config} to {@code out}: its layers, nested Sequential models
     * opened up, and {@link NestedFunctional}s; returns the input shape its InputLayer or {@code build_input_shape}
     * gives, null when it has none.
     */
    private int[] sequential(JsonNode config, String path, boolean frozen, List<Object> out, String where) {
        JsonNode layers = KerasJson.array(config, "layers", where);
        int[] inputShape = null;
        boolean first = true;
        Map<String, Integer> classCounts = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            String at = where + ".layers[" + i + "]";
            JsonNode entry = layers.get(i);
            String className = KerasLayers.className(entry, at);
            JsonNode layerConfig = KerasJson.object(entry, "config", at);
            if (INPUT_LAYER.equals(className)) {
                inputShape = inputShape(layerConfig, at + ".config");
                continue;
            }
            String layerPath = childPath(path, className, classCounts);
            boolean layerFrozen = frozen || !KerasJson.trainable(layerConfig);
            if (SEQUENTIAL.equals(className)) {
                int[] nestedShape = sequential(layerConfig, layerPath, layerFrozen, out, at + ".config");
                inputShape = first && inputShape == null ? nestedShape : inputShape;
            } else if (FUNCTIONAL.equals(className)) {
                out.add(new NestedFunctional(layerConfig, layerPath, layerFrozen, at + ".config"));
            } else {
                out.add(layer(entry, className, layerFrozen, layerPath, at));
            }
            first = false;
        }
        if (inputShape == null && config.hasNonNull("build_input_shape")) {
            inputShape = KerasJson.shapeWithoutBatch(config.get("build_input_shape"), where + ".build_input_shape");
        }
        return inputShape;
    }

    /** Returns the output of the Functional model {@code config} called on {@code input}. */
    private KerasTensor functional(JsonNode config, String path, boolean frozen, KerasTensor input, String where) {
        JsonNode layers = KerasJson.array(config, "layers", where);
        Map<String, KerasTensor> outputs = new HashMap<>();
        Map<String, Integer> classCounts = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            String at = where + ".layers[" + i + "]";
            JsonNode entry = layers.get(i);
            String className = KerasLayers.className(entry, at);
            JsonNode layerConfig = KerasJson.object(entry, "config", at);
            String name = KerasJson.string(entry, "name", at);
            if (INPUT_LAYER.equals(className)) {
                int[] shape = inputShape(layerConfig, at + ".config");
                if (!Shapes.same(shape, input.shape())) {
                    throw new IllegalArgumentException(at + ": model input '" + name + "' has shape "
                            + Shapes.describe(shape) + " but is called on " + Shapes.describe(input.shape()));
                }
                outputs.put(name, input);
                continue;
            }
            String layerPath = childPath(path, className, classCounts);
            boolean layerFrozen = frozen || !KerasJson.trainable(layerConfig);
            List<KerasTensor> arguments = arguments(entry, outputs, at);
            KerasTensor output;
            if (SEQUENTIAL.equals(className)) {
                List<Object> steps = new ArrayList<>();
                sequential(layerConfig, layerPath, layerFrozen, steps, at + ".config");
                output = chain(steps, single(arguments, name, at));
            } else if (FUNCTIONAL.equals(className)) {
                output = functional(layerConfig, layerPath, layerFrozen, single(arguments, name, at), at + ".config");
            } else {
                output = layer(entry, className, layerFrozen, layerPath, at)
                        .apply(arguments.toArray(new KerasTensor[0]));
            }
            outputs.put(name, output);
        }
        List<String> outputNames = references(config.get("output_layers"), where + ".output_layers");
        if (outputNames.size() != 1 || !outputs.containsKey(outputNames.get(0))) {
            throw new IllegalArgumentException(where + ".output_layers must name the one output of a layer of the"
                    + " model (nn models have one output), got " + KerasJson.describe(config.get("output_layers")));
        }
        return outputs.get(outputNames.get(0));
    }

    /** Returns {@code input} passed through {@code steps}, as {@link #sequential} lists them. */
    private KerasTensor chain(List<Object> steps, KerasTensor input) {
        KerasTensor x = input;
        for (Object step : steps) {
            x = step instanceof NestedFunctional nested
                    ? functional(nested.config(), nested.path(), nested.frozen(), x, nested.where())
                    : ((Layer) step).apply(x);
        }
        return x;
    }

    private Layer layer(JsonNode entry, String className, boolean frozen, String path, String where) {
        if (slots.size() >= limits.maxLayers()) {
            throw new IllegalArgumentException("the model has more than " + limits.maxLayers() + " layers");
        }
        Layer layer = KerasLayers.create(entry, className, frozen, where);
        if (!names.add(layer.name())) {
            throw new IllegalArgumentException("two layers are named '" + layer.name() + "' (a nested model's layer"
                    + " may share a name with an outer one); nn's saved models need a name per layer, so rename one"
                    + " in Keras and save the model again");
        }
        slots.add(new Slot(layer, className, path));
        return layer;
    }

    /** Returns the tensors a layer's one node is called on; Keras 3 lists them as {@code __keras_tensor__}s. */
    private static List<KerasTensor> arguments(JsonNode entry, Map<String, KerasTensor> outputs, String where) {
        JsonNode nodes = KerasJson.array(entry, "inbound_nodes", where);
        if (nodes.size() != 1) {
            throw new IllegalArgumentException(where + " is called " + nodes.size() + " times; nn imports layers"
                    + " called once (no shared layers)");
        }
        JsonNode node = nodes.get(0);
        if (!node.isObject() || !node.has("args")) {
            throw new IllegalArgumentException(where + ".inbound_nodes[0] is not a Keras 3 node {\"args\": [...],"
                    + " \"kwargs\": {...}}; save the model with Keras 3");
        }
        List<String> names = new ArrayList<>();
        collectTensors(node.get("args"), names, 0, where + ".inbound_nodes[0].args");
        List<KerasTensor> arguments = new ArrayList<>();
        for (String name : names) {
            KerasTensor tensor = outputs.get(name);
            if (tensor == null) {
                throw new IllegalArgumentException(where + " is called on the output of '" + name + "', which no"
                        + " earlier layer of the model produces");
            }
            arguments.add(tensor);
        }
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException(where + " is called on no tensors");
        }
        return arguments;
    }

    /** Adds the layer names of the {@code __keras_tensor__}s in {@code args} (lists nest, as Add's do). */
    private static void collectTensors(JsonNode args, List<String> names, int depth, String where) {
        if (args.isArray()) {
            for (JsonNode element : args) {
                collectTensors(element, names, depth + 1, where);
            }
        } else if (args.isObject() && "__keras_tensor__".equals(args.path("class_name").asText())) {
            JsonNode history = args.path("config").path("keras_history");
            if (!history.isArray() || history.size() != 3 || !history.get(0).isTextual()
                    || history.get(1).asInt(-1) != 0 || history.get(2).asInt(-1) != 0) {
                throw new IllegalArgumentException(where + " holds a tensor with keras_history "
                        + KerasJson.describe(history) + "; nn imports [layer name, 0, 0]: each layer's one output");
            }
            names.add(history.get(0).asText());
        }
    }

    /** Returns the layer names of {@code [["name", 0, 0], ...]} or of Keras's single {@code ["name", 0, 0]}. */
    private static List<String> references(JsonNode references, String where) {
        List<String> names = new ArrayList<>();
        if (references != null && references.isArray() && references.size() == 3 && references.get(0).isTextual()) {
            names.add(references.get(0).asText());
            return names;
        }
        if (references == null || !references.isArray()) {
            throw new IllegalArgumentException(where + " must list [layer name, 0, 0] references, got "
                    + KerasJson.describe(references));
        }
        for (JsonNode reference : references) {
            if (!reference.isArray() || reference.size() < 1 || !reference.get(0).isTextual()) {
                throw new IllegalArgumentException(where + " must list [layer name, 0, 0] references, got "
                        + KerasJson.describe(references));
            }
            names.add(reference.get(0).asText());
        }
        return names;
    }

    private static int[] functionalInputShape(JsonNode config, String where) {
        JsonNode layers = KerasJson.array(config, "layers", where);
        int[] shape = null;
        for (int i = 0; i < layers.size(); i++) {
            JsonNode entry = layers.get(i);
            if (INPUT_LAYER.equals(entry.path("class_name").asText())) {
                if (shape != null) {
                    throw new IllegalArgumentException(where + " has two InputLayers; nn models have one input");
                }
                shape = inputShape(KerasJson.object(entry, "config", where), where + ".layers[" + i + "].config");
            }
        }
        if (shape == null) {
            throw new IllegalArgumentException(where + ".layers has no InputLayer");
        }
        return shape;
    }

    /** Returns an InputLayer config's shape without batch: Keras 3's {@code batch_shape}, or the older name. */
    private static int[] inputShape(JsonNode inputConfig, String where) {
        String key = inputConfig.has("batch_shape") ? "batch_shape" : "batch_input_shape";
        return KerasJson.shapeWithoutBatch(inputConfig.get(key), where + "." + key);
    }

    private static KerasTensor single(List<KerasTensor> arguments, String name, String where) {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException(where + ": nested model '" + name + "' is called on "
                    + arguments.size() + " tensors; nn models take one");
        }
        return arguments.get(0);
    }

    /** Returns where Keras files the weights of the next layer of class {@code className} of a model at {@code path}. */
    private static String childPath(String path, String className, Map<String, Integer> classCounts) {
        String snake = snakeCase(className);
        int count = classCounts.merge(snake, 1, Integer::sum) - 1;
        String name = count == 0 ? snake : snake + "_" + count;
        return (path.isEmpty() ? "" : path + "/") + "layers/" + name;
    }

    /** Keras's {@code naming.to_snake_case}: {@code Conv2D} → {@code conv2d}, {@code BatchNormalization} → {@code batch_normalization}. */
    static String snakeCase(String className) {
        String name = className.replaceAll("\\W+", "");
        name = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
