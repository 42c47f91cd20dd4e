package org.backprop.nn.regularizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes Keras's regularizers, as {@code keras.regularizers}: {@code l1}, {@code l2}, {@code l1L2}, by name as Keras
 * takes strings ({@link #get(String)}), and to and from the config a saved layer holds ({@link #serialize},
 * {@link #deserialize}). This class owns that config's shape; layers and the Keras importer go through it.
 */
public final class Regularizers {
    /** Keras's factor for {@code L1()}, {@code L2()} and the names {@code "l1"}, {@code "l2"} and {@code "l1_l2"}. */
    public static final double DEFAULT_FACTOR = 0.01;

    private Regularizers() {
    }

    /** Returns {@code l1 × Σ|x|}, as Keras's {@code regularizers.l1(l1)}. */
    public static L1 l1(double l1) {
        return new L1(l1);
    }

    /** Returns {@code 0.01 × Σ|x|}, as Keras's {@code regularizers.l1()}. */
    public static L1 l1() {
        return new L1(DEFAULT_FACTOR);
    }

    /** Returns {@code l2 × Σx²}, as Keras's {@code regularizers.l2(l2)}: the book's {@code l2(0.002)}. */
    public static L2 l2(double l2) {
        return new L2(l2);
    }

    /** Returns {@code 0.01 × Σx²}, as Keras's {@code regularizers.l2()}. */
    public static L2 l2() {
        return new L2(DEFAULT_FACTOR);
    }

    /**
     * Returns {@code l1 × Σ|x| + l2 × Σx²}, as Keras's {@code regularizers.l1_l2(l1=..., l2=...)}. Keras 3's class
     * defaults both factors to 0 (a penalty of nothing), so nn asks for both.
     */
    public static L1L2 l1L2(double l1, double l2) {
        return new L1L2(l1, l2);
    }

    /**
     * Returns the regularizer Keras's {@code kernel_regularizer="l2"} means: {@code "l1"}, {@code "l2"} or
     * {@code "l1_l2"} (also the class names {@code "L1"}, {@code "L2"}, {@code "L1L2"}), each with the factor 0.01
     * that Keras's documentation gives them; null for null.
     */
    public static Regularizer get(String name) {
        if (name == null) {
            return null;
        }
        switch (name) {
            case "l1":
            case "L1":
                return l1();
            case "l2":
            case "L2":
                return l2();
            case "l1_l2":
            case "l1l2":
            case "L1L2":
                return l1L2(DEFAULT_FACTOR, DEFAULT_FACTOR);
            default:
                throw new IllegalArgumentException("Unknown regularizer \"" + name + "\": use \"l1\", \"l2\" or"
                        + " \"l1_l2\", or Regularizers.l2(0.002) for another factor");
        }
    }

    /**
     * Returns {@code regularizer} as a saved layer config holds it, Keras's {@code serialize_keras_object}:
     * {@code {"module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.002}, "registered_name": null}};
     * null for null.
     */
    public static Map<String, Object> serialize(Regularizer regularizer) {
        if (regularizer == null) {
            return null;
        }
        Map<String, Object> serialized = new LinkedHashMap<>();
        serialized.put("module", "keras.regularizers");
        serialized.put("class_name", regularizer.className());
        serialized.put("config", regularizer.getConfig());
        serialized.put("registered_name", null);
        return serialized;
    }

    /**
     * Returns the regularizer a config value names: null, a name as {@link #get(String)} takes, or a map as
     * {@link #serialize} writes (Keras's own files included), where a factor left out takes Keras's class default.
     */
    public static Regularizer deserialize(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String name) {
            return get(name);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a regularizer must be a name or {\"class_name\": ..., \"config\":"
                    + " {...}}, got " + value);
        }
        Object className = map.get("class_name");
        Object config = map.get("config");
        Map<?, ?> factors = config instanceof Map<?, ?> given ? given : Map.of();
        if ("L1".equals(className)) {
            return new L1(number(factors, "l1", DEFAULT_FACTOR));
        }
        if ("L2".equals(className)) {
            return new L2(number(factors, "l2", DEFAULT_FACTOR));
        }
        if ("L1L2".equals(className)) {
            return new L1L2(number(factors, "l1", 0), number(factors, "l2", 0));
        }
        throw new IllegalArgumentException("Unknown regularizer class " + (className == null ? "(none)" : "\""
                + className + "\"") + ": nn has L1, L2 and L1L2");
    }

    private static double number(Map<?, ?> factors, String key, double fallback) {
        Object value = factors.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("regularizer factor \"" + key + "\" must be a number, got " + value);
        }
        return number.doubleValue();
    }

    /** Returns the setter for Keras's option {@code configKey}: {@code kernel_regularizer} → kernelRegularizer. */
    public static String setterName(String configKey) {
        StringBuilder setter = new StringBuilder();
        boolean upper = false;
        for (char c : configKey.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                setter.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return setter.toString();
    }

    /** Returns {@code factor} as the shortest decimal that reads back as it (0.002, not 0.0020000000949949026). */
    static Double configNumber(float factor) {
        return Double.parseDouble(Float.toString(factor));
    }
}
