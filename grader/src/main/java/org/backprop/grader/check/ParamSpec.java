package org.backprop.grader.check;

/**
 * One parameter a check takes: its name in {@code assignment.yaml}, its type, its default ({@code null} when it
 * has none: then it is either required or simply off), and what it means, for the instructor.
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, boolean required, String description) {

    public ParamSpec {
        if (name == null || name.isBlank() || type == null || description == null || description.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name, a type and a description");
        }
        if (defaultValue != null && (required || !type.fits(defaultValue))) {
            throw new IllegalArgumentException("parameter " + name + ": the default " + defaultValue
                    + (required ? " of a required parameter" : " is not " + type.description()));
        }
    }

    /** Returns an optional parameter with a default. */
    static ParamSpec optional(String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, defaultValue, false, description);
    }

    /** Returns a parameter the assignment must give. */
    static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, null, true, description);
    }
}
