package org.backprop.nn.saving;

import java.util.List;
import java.util.Map;

/**
 * Typed reads from the values {@link JsonValues#parse} returns, each failing with a message that names the member
 * and where it is ({@code "model.config.layers[3]"}), so that a damaged saved model says what is wrong with it.
 */
final class Members {
    private Members() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " must be a JSON object, got " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException(where + " must be a JSON array, got " + describe(value));
        }
        return (List<Object>) value;
    }

    static Object required(Map<String, Object> object, String key, String where) {
        if (!object.containsKey(key)) {
            throw new IllegalArgumentException(where + " has no \"" + key + "\"");
        }
        return object.get(key);
    }

    static Map<String, Object> object(Map<String, Object> object, String key, String where) {
        return object(required(object, key, where), where + "." + key);
    }

    static List<Object> list(Map<String, Object> object, String key, String where) {
        return list(required(object, key, where), where + "." + key);
    }

    static String string(Map<String, Object> object, String key, String where) {
        Object value = required(object, key, where);
        if (!(value instanceof String)) {
            throw new IllegalArgumentException(where + "." + key + " must be a string, got " + describe(value));
        }
        return (String) value;
    }

    /** Returns a whole number in [0, max]. */
    static long whole(Object value, long max, String where) {
        if (!(value instanceof Double)) {
            throw new IllegalArgumentException(where + " must be a whole number, got " + describe(value));
        }
        double number = (Double) value;
        if (number != Math.rint(number) || number < 0 || number > max) {
            throw new IllegalArgumentException(where + " must be a whole number from 0 to " + max + ", got "
                    + describe(value));
        }
        return (long) number;
    }

    static long whole(Map<String, Object> object, String key, long max, String where) {
        return whole(required(object, key, where), max, where + "." + key);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return value.toString();
    }
}
