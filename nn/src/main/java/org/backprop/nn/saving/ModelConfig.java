package org.backprop.nn.saving;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;

/**
 * A model's architecture as Keras's {@code model.get_config()} serialises it: {@code {"class_name": "Sequential"
 * | "Functional", "config": {...}}}, each layer as {@code {"class_name": ..., "config": ...}}. Dispatches to
 * {@link SequentialConfig} and {@link FunctionalConfig}, and holds what both share.
 */
final class ModelConfig {
    /** A mini Xception has about 40 layers; ten thousand is a damaged or hostile file. */
    static final int MAX_LAYERS = 10_000;

    private ModelConfig() {
    }

    /** Returns {@code model}'s architecture; fails, naming the layer, when one cannot be saved. */
    static Map<String, Object> describe(Model model) {
        Map<String, Object> described = new LinkedHashMap<>();
        if (model instanceof Sequential) {
            described.put("class_name", "Sequential");
            described.put("config", SequentialConfig.describe((Sequential) model));
        } else if (model.getClass() == Model.class) {
            described.put("class_name", "Functional");
            described.put("config", FunctionalConfig.describe(model));
        } else {
            throw new IllegalArgumentException("Model \"" + model.name() + "\" is an instance of your own class "
                    + model.getClass().getName() + ", so it cannot be saved: build it as a Sequential or as a"
                    + " functional Model(inputs, outputs)");
        }
        return described;
    }

    /** Returns the unbuilt-then-built model {@code described} describes, with freshly initialised weights. */
    static Model rebuild(Map<String, Object> described) {
        String className = Members.string(described, "class_name", "model");
        Map<String, Object> config = Members.object(described, "config", "model");
        switch (className) {
            case "Sequential":
                return SequentialConfig.rebuild(config);
            case "Functional":
                return FunctionalConfig.rebuild(config);
            default:
                throw new IllegalArgumentException("model.class_name is \"" + className + "\"; nn rebuilds"
                        + " \"Sequential\" and \"Functional\" models");
        }
    }

    /** Returns a layer as {@code {"class_name": ..., "config": ...}}. */
    static Map<String, Object> layer(Layer layer) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("class_name", LayerRegistry.classNameOf(layer));
        described.put("config", layer.getConfig().asMap());
        return described;
    }

    /** Returns the unbuilt layer {@code described} ({@code {"class_name": ..., "config": ...}}) describes. */
    static Layer layer(Map<String, Object> described, String where) {
        String className = Members.string(described, "class_name", where);
        Map<String, Object> config = Members.object(described, "config", where);
        return LayerRegistry.fromConfig(className, LayerConfig.of(config));
    }

    /** Fails unless every layer of {@code layers} has a name of its own, which the file refers to it by. */
    static void checkUniqueNames(Model model, List<Layer> layers, String reserved) {
        Set<String> names = new HashSet<>();
        if (reserved != null) {
            names.add(reserved);
        }
        for (Layer layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("Model \"" + model.name() + "\" has two layers named \""
                        + layer.name() + "\" (or one named like its input), so it cannot be saved: give each"
                        + " layer its own name");
            }
        }
    }

    /** Returns a shape without its batch dimension as Keras writes it with: {@code [null, 32, 32, 3]}. */
    static List<Object> batchShape(int[] shape) {
        List<Object> list = new java.util.ArrayList<>();
        list.add(null);
        for (int dim : shape) {
            list.add(dim);
        }
        return list;
    }

    /** Returns the shape without batch that {@code value}, Keras's {@code [null, 32, 32, 3]}, holds. */
    static int[] shapeWithoutBatch(Object value, String where) {
        List<Object> list = Members.list(value, where);
        if (list.isEmpty() || list.get(0) != null || list.size() > 9) {
            throw new IllegalArgumentException(where + " must be a shape [null, ...] of at most 8 dimensions after"
                    + " the batch, got " + list);
        }
        int[] shape = new int[list.size() - 1];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) Members.whole(list.get(i + 1), Integer.MAX_VALUE, where + "[" + (i + 1) + "]");
            if (shape[i] == 0) {
                throw new IllegalArgumentException(where + " must have positive dimensions, got " + list);
            }
        }
        return shape;
    }
}
