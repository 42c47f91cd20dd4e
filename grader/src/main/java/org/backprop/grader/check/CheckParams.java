package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A check's parameters as an item of {@code assignment.yaml} gives them, read with the catalogue's defaults. The
 * server has validated them against the catalogue when the assignment was imported; a value that is still wrong
 * (an assignment stored before a change) is an {@link InvalidCheckParamsException} naming the parameter. Immutable.
 */
public final class CheckParams {
    private final CheckSpec spec;
    private final Map<String, Object> values;

    private CheckParams(CheckSpec spec, Map<String, Object> values) {
        this.spec = spec;
        this.values = values;
    }

    /** Returns the parameters {@code values} (null: none) of the check {@code spec}. */
    public static CheckParams of(CheckSpec spec, Map<String, ?> values) {
        return new CheckParams(spec, values == null ? Map.of() : Map.copyOf(values));
    }

    /** Returns the text parameter {@code name}, or its default. */
    public String text(String name) {
        return (String) value(name, ParamType.TEXT);
    }

    /** Returns the list-of-texts parameter {@code name}, or its default; empty when it has none. */
    public List<String> texts(String name) {
        Object value = value(name, ParamType.TEXTS);
        List<String> texts = new ArrayList<>();
        if (value != null) {
            for (Object element : (List<?>) value) {
                texts.add(((String) element).strip());
            }
        }
        return List.copyOf(texts);
    }

    /** Returns the whole-number parameter {@code name}, or its default. */
    public int integer(String name) {
        return ((Number) value(name, ParamType.POSITIVE_INTEGER)).intValue();
    }

    /** Returns the number parameter {@code name}, or its default; null when neither is given. */
    public Double number(String name) {
        Object value = value(name, ParamType.NON_NEGATIVE_NUMBER);
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** Returns the boolean parameter {@code name}, or its default. */
    public boolean bool(String name) {
        return (Boolean) value(name, ParamType.BOOLEAN);
    }

    private Object value(String name, ParamType type) {
        ParamSpec param = spec.param(name).orElseThrow(() -> new IllegalArgumentException("the check " + spec.name()
                + " declares no parameter " + name));
        if (param.type() != type) {
            throw new IllegalArgumentException("the parameter " + name + " of " + spec.name() + " is "
                    + param.type() + ", not " + type);
        }
        Object value = values.get(name);
        if (value == null) {
            return param.defaultValue();
        }
        if (!type.fits(value)) {
            throw new InvalidCheckParamsException(name, "The parameter \"" + name + "\" of the check \"" + spec.name()
                    + "\" must be " + type.description() + ", got " + value + ".");
        }
        return value;
    }
}
