package org.backprop.nn.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Argument checks shared by the record types; messages name the argument and the value received. */
final class Checks {
    private Checks() {
    }

    static <T> T notNull(String argument, T value) {
        if (value == null) {
            throw new IllegalArgumentException(argument + " must not be null");
        }
        return value;
    }

    static String notEmpty(String argument, String value) {
        if (notNull(argument, value).isEmpty()) {
            throw new IllegalArgumentException(argument + " must not be empty");
        }
        return value;
    }

    static void notNegative(String argument, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(argument + " must not be negative, got " + value);
        }
    }

    /** Returns an unmodifiable copy of {@code values}, which must not hold null. */
    static <T> List<T> copy(String argument, List<T> values) {
        notNull(argument, values);
        for (int i = 0; i < values.size(); i++) {
            notNull(argument + "[" + i + "]", values.get(i));
        }
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Returns an unmodifiable copy of a shape, whose dimensions must not be negative. */
    static List<Integer> shape(String argument, List<Integer> shape) {
        List<Integer> copy = copy(argument, shape);
        for (int i = 0; i < copy.size(); i++) {
            notNegative(argument + "[" + i + "]", copy.get(i));
        }
        return copy;
    }
}
