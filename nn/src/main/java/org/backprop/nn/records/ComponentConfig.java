package org.backprop.nn.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's or a loss's configuration, as Keras's {@code get_config()}: its Keras name (e.g.
 * {@code "adam"}) and settings by Keras's argument names (e.g. {@code learning_rate → 0.001}). Setting values
 * are strings, booleans or numbers; numbers are kept as {@link Double}.
 */
public record ComponentConfig(String name, Map<String, Object> settings) {

    public ComponentConfig {
        Checks.notEmpty("name", name);
        Checks.notNull("settings", settings);
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            Object value = setting.getValue();
            if (value instanceof Number) {
                value = ((Number) value).doubleValue();
            } else if (!(value instanceof String || value instanceof Boolean)) {
                throw new IllegalArgumentException("setting " + setting.getKey() + " of " + name + " must be a string,"
                        + " a boolean or a number, got " + value);
            }
            copy.put(Checks.notEmpty("setting name", setting.getKey()), value);
        }
        settings = Collections.unmodifiableMap(copy);
    }

    /** Returns a configuration without settings. */
    public static ComponentConfig of(String name) {
        return new ComponentConfig(name, Map.of());
    }
}
