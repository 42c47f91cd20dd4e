package org.backprop.nn.json;

/**
 * Writes JSON text by hand, without reflection, for records that must be written the same way on the JVM
 * and under TeaVM. Calls mirror the text: {@code beginObject().name("loss").value(0.25).endObject()}.
 *
 * <p>Output is indented by two spaces per level with one object member per line; an array stays on one line
 * unless it holds objects or arrays, so number series read as rows. Numbers: whole doubles below 10^15 are
 * written without a fraction ({@code 3}, not {@code 3.0}), others as Java's {@link Double#toString(double)}
 * (which round-trips), and NaN or infinities, which JSON cannot hold, as {@code null}.
 *
 * <p>Not thread-safe.
 */
public final class JsonWriter {
    private static final double LARGEST_WHOLE = 1e15;
    private static final String HEX = "0123456789abcdef";

    private final StringBuilder out = new StringBuilder();
    private final Scopes scopes = new Scopes();

    /** Starts an object: a value in the current position. */
    public JsonWriter beginObject() {
        beforeValue(true);
        out.append('{');
        scopes.push(Scopes.EMPTY_OBJECT);
        return this;
    }

    /** Ends the innermost object. */
    public JsonWriter endObject() {
        int scope = scopes.pop("endObject", Scopes.EMPTY_OBJECT, Scopes.NONEMPTY_OBJECT);
        if (scope == Scopes.NONEMPTY_OBJECT) {
            newline();
        }
        out.append('}');
        return this;
    }

    /** Starts an array: a value in the current position. */
    public JsonWriter beginArray() {
        beforeValue(true);
        out.append('[');
        scopes.push(Scopes.EMPTY_ARRAY);
        return this;
    }

    /** Ends the innermost array. */
    public JsonWriter endArray() {
        int scope = scopes.pop("endArray", Scopes.EMPTY_ARRAY, Scopes.NONEMPTY_ARRAY, Scopes.BROKEN_ARRAY);
        if (scope == Scopes.BROKEN_ARRAY) {
            newline();
        }
        out.append(']');
        return this;
    }

    /** Writes the name of the next member of the innermost object. */
    public JsonWriter name(String name) {
        int scope = scopes.peek();
        if (scope != Scopes.EMPTY_OBJECT && scope != Scopes.NONEMPTY_OBJECT) {
            throw new IllegalStateException("name(\"" + name + "\") is only allowed inside an object, before a value");
        }
        if (scope == Scopes.NONEMPTY_OBJECT) {
            out.append(',');
        }
        newline();
        appendString(name);
        out.append(": ");
        scopes.replaceTop(Scopes.DANGLING_NAME);
        return this;
    }

    /** Writes a string, or {@code null} for a null reference. */
    public JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        beforeValue(false);
        appendString(value);
        return this;
    }

    /** Writes a number; NaN and infinities become {@code null}. */
    public JsonWriter value(double value) {
        if (!Double.isFinite(value)) {
            return nullValue();
        }
        beforeValue(false);
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_WHOLE) {
            out.append((long) value);
        } else {
            out.append(Double.toString(value));
        }
        return this;
    }

    /** Writes a whole number. */
    public JsonWriter value(long value) {
        beforeValue(false);
        out.append(value);
        return this;
    }

    /** Writes {@code true} or {@code false}. */
    public JsonWriter value(boolean value) {
        beforeValue(false);
        out.append(value);
        return this;
    }

    /** Writes {@code null}. */
    public JsonWriter nullValue() {
        beforeValue(false);
        out.append("null");
        return this;
    }

    /** Returns the text written; every object and array must be closed. */
    @Override
    public String toString() {
        if (!scopes.documentComplete()) {
            throw new IllegalStateException("the JSON document is incomplete: close every object and array first");
        }
        return out.toString();
    }

    private void beforeValue(boolean container) {
        switch (scopes.peek()) {
            case Scopes.EMPTY_DOCUMENT:
                scopes.replaceTop(Scopes.NONEMPTY_DOCUMENT);
                break;
            case Scopes.DANGLING_NAME:
                scopes.replaceTop(Scopes.NONEMPTY_OBJECT);
                break;
            case Scopes.EMPTY_ARRAY:
                if (container) {
                    scopes.replaceTop(Scopes.BROKEN_ARRAY);
                    newline();
                } else {
                    scopes.replaceTop(Scopes.NONEMPTY_ARRAY);
                }
                break;
            case Scopes.NONEMPTY_ARRAY:
            case Scopes.BROKEN_ARRAY:
                out.append(',');
                if (container || scopes.peek() == Scopes.BROKEN_ARRAY) {
                    scopes.replaceTop(Scopes.BROKEN_ARRAY);
                    newline();
                } else {
                    out.append(' ');
                }
                break;
            case Scopes.NONEMPTY_DOCUMENT:
                throw new IllegalStateException("a JSON document holds one top-level value");
            default:
                throw new IllegalStateException("inside an object, write name(...) before each value");
        }
    }

    /**
     * Starts a line indented by the number of open containers: inside a container that is the depth of its
     * contents, just after closing one the depth of its closing bracket.
     */
    private void newline() {
        out.append('\n');
        for (int i = 0; i < scopes.depth(); i++) {
            out.append("  ");
        }
    }

    private void appendString(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    // Control characters are not allowed raw in JSON; U+2028 and U+2029 are, but break
                    // JavaScript that embeds the record in a script.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX.charAt(c >> 12)).append(HEX.charAt((c >> 8) & 15))
                                .append(HEX.charAt((c >> 4) & 15)).append(HEX.charAt(c & 15));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
