package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A check's parameters as an assignment's YAML gives them (strings, numbers, booleans, lists), read with
 * defaults. Every mistake is an {@link InvalidCheckParamsException} that names the check and the parameter,
 * so that an instructor can fix the assignment. Immutable.
 */
public final class CheckParams {
    private final String check;
    private final Map<String, Object> values;

    private CheckParams(String check, Map<String, Object> values) {
        this.check = check;
        this.values = Map.copyOf(values);
    }

    /** Returns the parameters {@code values} (may be null: none) of the check named {@code check}. */
    public static CheckParams of(String check, Map<String, ?> values) {
        return new CheckParams(check, values == null ? Map.of() : Map.copyOf(values));
    }

    /** Fails when a parameter is not one of {@code known}, so that a misspelt one is not silently ignored. */
    public CheckParams allowOnly(String... known) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(Set.of(known));
        if (!unknown.isEmpty()) {
            throw new InvalidCheckParamsException("The check \"" + check + "\" has no parameter "
                    + String.join(", ", unknown) + "; it takes " + (known.length == 0 ? "none"
                    : String.join(", ", new TreeSet<>(List.of(known)))) + ".");
        }
        return this;
    }

    /** Returns the string parameter {@code name}, or {@code fallback} when it is not given. */
    public String string(String name, String fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw wrong(name, "a non-empty text", value);
        }
        return ((String) value).strip();
    }

    /** Returns the whole-number parameter {@code name}, at least {@code min}, or {@code fallback}. */
    public int integer(String name, int fallback, int min) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > Integer.MAX_VALUE) {
            throw wrong(name, "a whole number of at least " + min, value);
        }
        return ((Number) value).intValue();
    }

    /** Returns the boolean parameter {@code name}, or {@code fallback}. */
    public boolean bool(String name, boolean fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw wrong(name, "true or false", value);
        }
        return (Boolean) value;
    }

    /** Returns the list-of-strings parameter {@code name} (a single string counts as a list of one), or {@code fallback}. */
    public List<String> strings(String name, List<String> fallback) {
        Object value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String) {
            return List.of(string(name, null));
        }
        if (!(value instanceof List)) {
            throw wrong(name, "a list of texts", value);
        }
        List<String> strings = new ArrayList<>();
        for (Object element : (List<?>) value) {
            if (!(element instanceof String) || ((String) element).isBlank()) {
                throw wrong(name, "a list of non-empty texts", value);
            }
            strings.add(((String) element).strip());
        }
        return List.copyOf(strings);
    }

    private InvalidCheckParamsException wrong(String name, String expected, Object value) {
        return new InvalidCheckParamsException("The parameter \"" + name + "\" of the check \"" + check
                + "\" must be " + expected + ", got " + value + ".");
    }
}
