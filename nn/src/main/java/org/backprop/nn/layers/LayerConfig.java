package org.backprop.nn.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's settings, as Keras's {@code layer.get_config()}: its constructor arguments and options under Keras's
 * names ({@code filters}, {@code kernel_size}, {@code padding}, {@code use_bias}, …) plus {@code name} and
 * {@code trainable}, in insertion order. {@link Layer#getConfig()} returns it; the saved-model format writes it as
 * JSON and rebuilds the layer from it.
 *
 * <p>Values are JSON's: {@code null}, strings, booleans, numbers and lists of them. Numbers are kept as
 * {@link Double}, as JSON reads them back, so that a config equals itself after a trip through JSON; a float
 * setting is kept as the shortest decimal that reads back as the same float ({@code 0.9}, not
 * {@code 0.8999999761581421}).
 */
public final class LayerConfig {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Returns an empty config. */
    public LayerConfig() {
    }

    /** Returns a config holding {@code settings} (values as {@link #put} takes them). */
    public static LayerConfig of(Map<String, ?> settings) {
        LayerConfig config = new LayerConfig();
        for (Map.Entry<String, ?> setting : settings.entrySet()) {
            config.put(setting.getKey(), setting.getValue());
        }
        return config;
    }

    /**
     * Sets {@code key} to {@code value}: null, a String, a Boolean, a number (Integer, Long, Float, Double), an
     * {@code int[]}, or a List or a Map (String keys) of these; returns this config, for chained calls.
     */
    public LayerConfig put(String key, Object value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a config key must not be empty");
        }
        values.put(key, normalize(key, value));
        return this;
    }

    private static Object normalize(String key, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double) {
            return value;
        }
        if (value instanceof Float) {
            // The float's own shortest decimal, so that configs read as their source wrote them.
            return Double.parseDouble(Float.toString((Float) value));
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof int[]) {
            List<Object> list = new ArrayList<>();
            for (int element : (int[]) value) {
                list.add((double) element);
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Map) {
            // A nested layer's {"class_name": ..., "config": {...}}, as Bidirectional's "layer".
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                map.put(String.valueOf(entry.getKey()), normalize(key, entry.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (value instanceof List) {
            List<Object> list = new ArrayList<>();
            for (Object element : (List<?>) value) {
                list.add(normalize(key, element));
            }
            return Collections.unmodifiableList(list);
        }
        throw new IllegalArgumentException("config value \"" + key + "\" must be null, a string, a boolean, a number,"
                + " or a list or map of them, got " + value.getClass().getSimpleName());
    }

    /** Returns whether {@code key} is set (possibly to null). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Returns the value of {@code key} (null when it is unset or null). */
    public Object get(String key) {
        return values.get(key);
    }

    /** Returns every setting, in insertion order; unmodifiable. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Returns the string {@code key} holds; it must be set. */
    public String getString(String key) {
        Object value = required(key);
        if (!(value instanceof String)) {
            throw wrongType(key, "a string", value);
        }
        return (String) value;
    }

    /** Returns the string {@code key} holds, or {@code fallback} when it is unset. */
    public String getString(String key, String fallback) {
        return has(key) ? getString(key) : fallback;
    }

    /** Returns the boolean {@code key} holds; it must be set. */
    public boolean getBoolean(String key) {
        Object value = required(key);
        if (!(value instanceof Boolean)) {
            throw wrongType(key, "true or false", value);
        }
        return (Boolean) value;
    }

    /** Returns the boolean {@code key} holds, or {@code fallback} when it is unset. */
    public boolean getBoolean(String key, boolean fallback) {
        return has(key) ? getBoolean(key) : fallback;
    }

    /** Returns the number {@code key} holds; it must be set. */
    public double getDouble(String key) {
        Object value = required(key);
        if (!(value instanceof Double)) {
            throw wrongType(key, "a number", value);
        }
        return (Double) value;
    }

    /** Returns the number {@code key} holds, or {@code fallback} when it is unset. */
    public double getDouble(String key, double fallback) {
        return has(key) ? getDouble(key) : fallback;
    }

    /** Returns the whole number {@code key} holds, which must fit in an int; it must be set. */
    public int getInt(String key) {
        return whole(key, required(key));
    }

    /** Returns the whole number {@code key} holds, or {@code fallback} when it is unset. */
    public int getInt(String key, int fallback) {
        return has(key) ? getInt(key) : fallback;
    }

    /** Returns the list of whole numbers {@code key} holds (e.g. a {@code target_shape}); it must be set. */
    public int[] getInts(String key) {
        Object value = required(key);
        if (!(value instanceof List)) {
            throw wrongType(key, "a list of whole numbers", value);
        }
        List<?> list = (List<?>) value;
        int[] result = new int[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = whole(key, list.get(i));
        }
        return result;
    }

    /** Returns the list of strings {@code key} holds (e.g. a {@code vocabulary}); it must be set. */
    public List<String> getStrings(String key) {
        Object value = required(key);
        if (!(value instanceof List)) {
            throw wrongType(key, "a list of strings", value);
        }
        List<String> result = new ArrayList<>();
        for (Object element : (List<?>) value) {
            if (!(element instanceof String)) {
                throw wrongType(key, "a list of strings", value);
            }
            result.add((String) element);
        }
        return result;
    }

    /** Returns the list of numbers {@code key} holds (e.g. {@code idf_weights}) as floats; it must be set. */
    public float[] getFloats(String key) {
        Object value = required(key);
        if (!(value instanceof List)) {
            throw wrongType(key, "a list of numbers", value);
        }
        List<?> list = (List<?>) value;
        float[] result = new float[list.size()];
        for (int i = 0; i < result.length; i++) {
            if (!(list.get(i) instanceof Double)) {
                throw wrongType(key, "a list of numbers", value);
            }
            result[i] = ((Double) list.get(i)).floatValue();
        }
        return result;
    }

    /**
     * Returns the side of a square window that {@code key} holds: Keras's pair {@code [3, 3]} of equal whole
     * numbers, or one whole number; it must be set. nn's convolution and pooling windows are square.
     */
    public int getSquare(String key) {
        Object value = required(key);
        if (!(value instanceof List)) {
            return whole(key, value);
        }
        int[] pair = getInts(key);
        if (pair.length != 2 || pair[0] != pair[1]) {
            throw new IllegalArgumentException("\"" + key + "\" must be a pair of equal whole numbers (nn's windows"
                    + " are square), got " + value);
        }
        return pair[0];
    }

    /** Returns the square window side {@code key} holds, or {@code fallback} when it is unset. */
    public int getSquare(String key, int fallback) {
        return has(key) ? getSquare(key) : fallback;
    }

    private Object required(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("the config has no \"" + key + "\"");
        }
        return values.get(key);
    }

    private static int whole(String key, Object value) {
        if (!(value instanceof Double)) {
            throw wrongType(key, "a whole number", value);
        }
        double number = (Double) value;
        if (number != Math.rint(number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw wrongType(key, "a whole number that fits in an int", value);
        }
        return (int) number;
    }

    private static IllegalArgumentException wrongType(String key, String expected, Object value) {
        String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return new IllegalArgumentException("\"" + key + "\" must be " + expected + ", got " + shown);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LayerConfig && values.equals(((LayerConfig) other).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
