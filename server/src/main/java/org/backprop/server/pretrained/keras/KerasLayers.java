package org.backprop.server.pretrained.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.saving.LayerRegistry;

/**
 * Turns one Keras 3 layer entry of a {@code config.json} ({@code {"module": "keras.layers", "class_name": "Conv2D",
 * "config": {...}}}) into the nn layer with the same settings, through nn's {@link LayerRegistry}, which already
 * reads Keras's config keys. What nn does not need to run a loaded model is dropped (dtype policies, initializers,
 * regularizers, constraints, seeds); a setting nn does not have is dropped when its value is what nn always does
 * ({@code data_format: "channels_last"}, {@code dilation_rate: [1, 1]}) and otherwise reaches the registry, which
 * refuses it by name. Layer classes nn lacks, and the few of its own whose Keras weights lie elsewhere, are refused
 * by name.
 *
 * <p>Regularizers are dropped although nn has them ({@code org.backprop.nn.regularizers}): a pretrained model is
 * loaded for inference and for fine-tuning the program's own layers on top of it, its penalties shaped the training
 * it already had, {@code keras.applications} models carry none, and several Keras layers hold penalties nn's layers
 * do not take ({@code gamma_regularizer}, {@code activity_regularizer}); a program that wants a penalty while
 * fine-tuning sets it on its own layers.
 */
final class KerasLayers {
    /**
     * nn's layer classes ({@link LayerRegistry}) this importer does not take, and why: every other one stores its
     * weights as the layer's own {@code vars/0, 1, …} in nn's order (kernel then bias; gamma, beta, moving mean,
     * moving variance) or has none, and {@link KerasWeights} checks each shape.
     */
    private static final Map<String, String> NOT_IMPORTABLE = Map.of(
            "LSTM", "Keras keeps its weights in a sub-layer (cell) whose layout the importer does not read",
            "GRU", "Keras keeps its weights in a sub-layer (cell) whose layout the importer does not read",
            "SimpleRNN", "Keras keeps its weights in a sub-layer (cell) whose layout the importer does not read",
            "Bidirectional", "Keras keeps its weights in the sub-layers of its two recurrent layers, whose layout the"
                    + " importer does not read",
            "TextVectorization", "Keras keeps its vocabulary in assets the importer does not read",
            "MultiHeadAttention", "Keras keeps its weights in sub-layers whose layout the importer does not read",
            "PositionalEmbedding", "it is the book's own layer, not one of Keras's");

    /** Settings that change how a model trains from scratch, not what a loaded model computes. */
    private static final Set<String> IGNORED = Set.of("dtype", "seed", "activity_regularizer", "lora_alpha");

    /** Settings nn does not have, with the values that mean what nn always does. */
    private static final Map<String, List<Object>> NN_BEHAVIOUR = Map.of(
            "data_format", List.of("channels_last"),
            "dilation_rate", List.of(1.0, List.of(1.0), List.of(1.0, 1.0)),
            "groups", List.of(1.0),
            "keepdims", List.of(false),
            "axis", List.of(-1.0, List.of(-1.0)),
            "center", List.of(true),
            "scale", List.of(true),
            "synchronized", List.of(false),
            "mask_zero", List.of(false),
            "rms_scaling", List.of(false));

    /** Settings Keras writes as null when they take their usual value, which nn's layers take by default. */
    private static final Set<String> NULL_MEANS_DEFAULT = Set.of("strides", "noise_shape", "lora_rank",
            "quantization_config");

    private KerasLayers() {
    }

    /** Returns the Keras class name of {@code entry}, failing for a class of the user's own. */
    static String className(JsonNode entry, String where) {
        String className = KerasJson.string(entry, "class_name", where);
        JsonNode module = entry.get("module");
        if (module != null && module.isTextual() && !module.asText().startsWith("keras")) {
            throw new IllegalArgumentException(where + " is a " + className + " from module " + module.asText()
                    + ", a class of its own that nn cannot rebuild");
        }
        return className;
    }

    /**
     * Returns the unbuilt nn layer {@code entry} describes, frozen when {@code frozen} (its model is frozen) or when
     * its config says so.
     */
    static Layer create(JsonNode entry, String className, boolean frozen, String where) {
        JsonNode config = KerasJson.object(entry, "config", where);
        String name = KerasJson.string(config, "name", where + ".config");
        if (NOT_IMPORTABLE.containsKey(className)) {
            throw new IllegalArgumentException("layer '" + name + "' (" + className + ") cannot be imported: "
                    + NOT_IMPORTABLE.get(className));
        }
        if (!LayerRegistry.classNames().contains(className)) {
            throw new IllegalArgumentException("layer '" + name + "' (" + className + ") is not supported by nn; nn"
                    + " imports " + String.join(", ", importable()) + ", and Sequential and Functional models of them");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (ignored(key)) {
                continue;
            }
            Object value = KerasJson.plain(field.getValue(), where + ".config." + key);
            if (value == null && NULL_MEANS_DEFAULT.contains(key)) {
                continue;
            }
            List<Object> nnBehaviour = NN_BEHAVIOUR.get(key);
            if (nnBehaviour != null && nnBehaviour.contains(value)) {
                continue;
            }
            settings.put(key, value);
        }
        settings.put("trainable", !frozen && KerasJson.trainable(config));
        return LayerRegistry.fromConfig(className, LayerConfig.of(settings));
    }

    private static boolean ignored(String key) {
        return IGNORED.contains(key) || key.endsWith("_initializer") || key.endsWith("_regularizer")
                || key.endsWith("_constraint");
    }

    /** Returns the layer classes the importer takes, sorted. */
    static List<String> importable() {
        List<String> names = new ArrayList<>(LayerRegistry.classNames());
        names.removeAll(NOT_IMPORTABLE.keySet());
        return names;
    }
}
