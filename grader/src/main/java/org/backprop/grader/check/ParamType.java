package org.backprop.grader.check;

import java.util.List;

/** The kinds of value a check parameter takes in {@code assignment.yaml}, and how an instructor reads them. */
public enum ParamType {
    TEXT("a text"),
    TEXTS("a list of texts"),
    BOOLEAN("true or false"),
    POSITIVE_INTEGER("a whole number of at least 1"),
    NON_NEGATIVE_NUMBER("a number of at least 0");

    private final String description;

    ParamType(String description) {
        this.description = description;
    }

    /** Returns the kind in words, as a message to an instructor says it ("a list of texts"). */
    public String description() {
        return description;
    }

    /** Returns whether {@code value}, as YAML parsing leaves it (String, Integer, Long, Double, Boolean, List), fits. */
    public boolean fits(Object value) {
        return switch (this) {
            case TEXT -> value instanceof String text && !text.isBlank();
            case TEXTS -> value instanceof List<?> list && !list.isEmpty()
                    && list.stream().allMatch(element -> element instanceof String text && !text.isBlank());
            case BOOLEAN -> value instanceof Boolean;
            case POSITIVE_INTEGER -> (value instanceof Integer || value instanceof Long)
                    && ((Number) value).longValue() >= 1 && ((Number) value).longValue() <= Integer.MAX_VALUE;
            case NON_NEGATIVE_NUMBER -> value instanceof Number number && !(value instanceof Float)
                    && Double.isFinite(number.doubleValue()) && number.doubleValue() >= 0;
        };
    }
}
