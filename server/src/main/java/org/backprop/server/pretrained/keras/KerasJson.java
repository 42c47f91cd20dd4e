package org.backprop.server.pretrained.keras;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON documents of a {@code .keras} file with a bounded nesting depth and gives their members with
 * messages that say where in the document a member is missing or of the wrong kind
 * ({@code config.layers[3].config.name}).
 */
final class KerasJson {
    private KerasJson() {
    }

    /** Returns the document {@code text} holds, {@code what} naming it in messages. */
    static JsonNode parse(String text, String what, int maxDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build()).build();
        try {
            JsonNode node = new ObjectMapper(factory).readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode object(JsonNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + "." + key + " must be an object, got " + describe(node));
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(where + "." + key + " must be a list, got " + describe(node));
        }
        return node;
    }

    static String string(JsonNode parent, String key, String where) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(where + "." + key + " must be a string, got " + describe(node));
        }
        return node.asText();
    }

    /** Returns a layer or model config's {@code trainable}, true when absent. */
    static boolean trainable(JsonNode config) {
        JsonNode node = config.get("trainable");
        return node == null || !node.isBoolean() || node.asBoolean();
    }

    /**
     * Returns the shape without batch of a Keras shape {@code [null, 32, 32, 3]}, each dimension positive; a
     * dimension left open ({@code null}) fails, as nn models have fixed input shapes.
     */
    static int[] shapeWithoutBatch(JsonNode shape, String where) {
        if (shape == null || !shape.isArray() || shape.size() < 2 || shape.size() > 9) {
            throw new IllegalArgumentException(where + " must be a shape [null, ...] of 1 to 8 dimensions after the"
                    + " batch, got " + describe(shape));
        }
        int[] dims = new int[shape.size() - 1];
        for (int i = 0; i < dims.length; i++) {
            JsonNode dim = shape.get(i + 1);
            if (dim == null || !dim.canConvertToInt() || !dim.isIntegralNumber() || dim.asInt() < 1) {
                throw new IllegalArgumentException(where + " must have fixed positive dimensions after the batch (nn"
                        + " models have fixed input shapes), got " + shape);
            }
            dims[i] = dim.asInt();
        }
        return dims;
    }

    /** Returns a setting's value as nn's {@code LayerConfig} takes it: null, String, Boolean, Double or a List. */
    static Object plain(JsonNode node, String where) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node) {
                list.add(plain(element, where));
            }
            return list;
        }
        throw new IllegalArgumentException(where + " is " + describe(node) + ", a setting nn's layers do not take");
    }

    static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
