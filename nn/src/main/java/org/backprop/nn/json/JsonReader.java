package org.backprop.nn.json;

/**
 * Reads JSON text token by token, without reflection and without building a tree, so that callers turn it
 * straight into their own types and long number arrays (pixels) are read without boxing. Calls mirror the
 * text: {@code beginObject(); while (hasNext()) { switch (nextName()) { … } } endObject();}.
 *
 * <p>Strict RFC 8259 JSON: no comments, no trailing commas, no NaN literals. Because {@link JsonWriter}
 * writes NaN and infinities as {@code null}, {@link #nextDouble()} reads {@code null} as NaN. Every error
 * is a {@link MalformedJsonException} that names the line and column.
 *
 * <p>Not thread-safe.
 */
public final class JsonReader {
    /** Powers of ten that doubles hold exactly, for the fast path of {@link #nextDouble()}. */
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22
    };
    /** Decimal digits that always fit in a double's 53-bit mantissa. */
    private static final int EXACT_DIGITS = 15;

    private final String text;
    private final Scopes scopes = new Scopes();
    private int pos;

    public JsonReader(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        this.text = text;
    }

    /** Returns the kind of the next token without consuming it. */
    public JsonToken peek() {
        int scope = scopes.peek();
        int at = skipWhitespace(pos);
        if (scope == Scopes.EMPTY_OBJECT || scope == Scopes.NONEMPTY_OBJECT) {
            if (at < text.length() && text.charAt(at) == '}') {
                return JsonToken.END_OBJECT;
            }
            return JsonToken.NAME;
        }
        if (scope == Scopes.NONEMPTY_DOCUMENT) {
            return JsonToken.END_DOCUMENT;
        }
        if (at < text.length() && text.charAt(at) == ']' && (scope == Scopes.EMPTY_ARRAY || scope == Scopes.NONEMPTY_ARRAY)) {
            return JsonToken.END_ARRAY;
        }
        if (scope == Scopes.NONEMPTY_ARRAY && at < text.length() && text.charAt(at) == ',') {
            at = skipWhitespace(at + 1);
        }
        if (at >= text.length()) {
            throw error(at, "expected a value but the text ended");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return JsonToken.BEGIN_OBJECT;
            case '[':
                return JsonToken.BEGIN_ARRAY;
            case '"':
                return JsonToken.STRING;
            case 't':
            case 'f':
                return JsonToken.BOOLEAN;
            case 'n':
                return JsonToken.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return JsonToken.NUMBER;
                }
                throw error(at, "expected a value but found " + describe(at));
        }
    }

    /** Returns whether the innermost array or object has another element or member. */
    public boolean hasNext() {
        JsonToken next = peek();
        return next != JsonToken.END_ARRAY && next != JsonToken.END_OBJECT && next != JsonToken.END_DOCUMENT;
    }

    public void beginObject() {
        beforeValue();
        expect('{');
        scopes.push(Scopes.EMPTY_OBJECT);
    }

    public void endObject() {
        int scope = scopes.peek();
        if (scope != Scopes.EMPTY_OBJECT && scope != Scopes.NONEMPTY_OBJECT) {
            throw error(skipWhitespace(pos), "expected the end of an object, but the reader is not inside one");
        }
        pos = skipWhitespace(pos);
        expect('}');
        scopes.pop("endObject", scope);
    }

    public void beginArray() {
        beforeValue();
        expect('[');
        scopes.push(Scopes.EMPTY_ARRAY);
    }

    public void endArray() {
        int scope = scopes.peek();
        if (scope != Scopes.EMPTY_ARRAY && scope != Scopes.NONEMPTY_ARRAY) {
            throw error(skipWhitespace(pos), "expected the end of an array, but the reader is not inside one");
        }
        pos = skipWhitespace(pos);
        expect(']');
        scopes.pop("endArray", scope);
    }

    /** Returns the name of the next member of the innermost object. */
    public String nextName() {
        int scope = scopes.peek();
        if (scope != Scopes.EMPTY_OBJECT && scope != Scopes.NONEMPTY_OBJECT) {
            throw error(skipWhitespace(pos), "expected a value, not a member name");
        }
        pos = skipWhitespace(pos);
        if (scope == Scopes.NONEMPTY_OBJECT) {
            expect(',');
            pos = skipWhitespace(pos);
        }
        String name = readString("a member name");
        pos = skipWhitespace(pos);
        expect(':');
        scopes.replaceTop(Scopes.DANGLING_NAME);
        return name;
    }

    public String nextString() {
        beforeValue();
        return readString("a string");
    }

    /** Returns the next number; {@code null}, which {@link JsonWriter} writes for NaN and infinities, is NaN. */
    public double nextDouble() {
        beforeValue();
        if (text.startsWith("null", pos)) {
            pos += 4;
            return Double.NaN;
        }
        int start = pos;
        int end = scanNumber();
        return parseDouble(start, end);
    }

    /** Returns the next number, which must be a whole number that fits in a long. */
    public long nextLong() {
        beforeValue();
        int start = pos;
        int end = scanNumber();
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                throw error(start, "expected a whole number but found " + text.substring(start, end));
            }
        }
        try {
            return Long.parseLong(text.substring(start, end));
        } catch (NumberFormatException tooLarge) {
            throw error(start, "the number " + text.substring(start, end) + " is too large for a long");
        }
    }

    /** Returns the next number, which must be a whole number that fits in an int. */
    public int nextInt() {
        int start = skipWhitespace(pos);
        long value = nextLong();
        if (value != (int) value) {
            throw error(start, "the number " + value + " is too large for an int");
        }
        return (int) value;
    }

    public boolean nextBoolean() {
        beforeValue();
        if (text.startsWith("true", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return false;
        }
        throw error(pos, "expected true or false but found " + describe(pos));
    }

    /** Consumes {@code null} and returns true if it is next; otherwise consumes nothing and returns false. */
    public boolean nextIfNull() {
        if (peek() != JsonToken.NULL) {
            return false;
        }
        beforeValue();
        if (!text.startsWith("null", pos)) {
            throw error(pos, "expected null but found " + describe(pos));
        }
        pos += 4;
        return true;
    }

    /** Skips the next value, with everything inside it. */
    public void skipValue() {
        switch (peek()) {
            case BEGIN_OBJECT:
                beginObject();
                while (hasNext()) {
                    nextName();
                    skipValue();
                }
                endObject();
                break;
            case BEGIN_ARRAY:
                beginArray();
                while (hasNext()) {
                    skipValue();
                }
                endArray();
                break;
            case STRING:
                nextString();
                break;
            case NUMBER:
                nextDouble();
                break;
            case BOOLEAN:
                nextBoolean();
                break;
            case NULL:
                nextIfNull();
                break;
            default:
                throw error(skipWhitespace(pos), "expected a value but found " + describe(skipWhitespace(pos)));
        }
    }

    /** Checks that the one top-level value has been read and only whitespace follows. */
    public void endDocument() {
        int at = skipWhitespace(pos);
        if (!scopes.documentComplete()) {
            throw error(at, "the JSON value is not complete");
        }
        if (at != text.length()) {
            throw error(at, "expected the end of the text but found " + describe(at));
        }
    }

    /** Moves past whitespace and the separator before a value, and records that the value was seen. */
    private void beforeValue() {
        pos = skipWhitespace(pos);
        switch (scopes.peek()) {
            case Scopes.EMPTY_DOCUMENT:
                scopes.replaceTop(Scopes.NONEMPTY_DOCUMENT);
                break;
            case Scopes.EMPTY_ARRAY:
                scopes.replaceTop(Scopes.NONEMPTY_ARRAY);
                break;
            case Scopes.NONEMPTY_ARRAY:
                expect(',');
                pos = skipWhitespace(pos);
                break;
            case Scopes.DANGLING_NAME:
                scopes.replaceTop(Scopes.NONEMPTY_OBJECT);
                break;
            case Scopes.NONEMPTY_DOCUMENT:
                throw error(pos, "expected the end of the text but found " + describe(pos));
            default:
                throw error(pos, "expected a member name but the caller asked for a value");
        }
    }

    private String readString(String what) {
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw error(pos, "expected " + what + " but found " + describe(pos));
        }
        int start = pos;
        StringBuilder value = null;
        int runStart = ++pos;
        while (true) {
            if (pos >= text.length()) {
                throw error(start, "the string starting here is not closed");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String run = text.substring(runStart, pos++);
                return value == null ? run : value.append(run).toString();
            }
            if (c < 0x20) {
                throw error(pos, "control characters must be escaped in strings");
            }
            if (c == '\\') {
                if (value == null) {
                    value = new StringBuilder();
                }
                value.append(text, runStart, pos);
                value.append(readEscape());
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    /** Reads the escape at {@code pos} (a backslash) and moves past it. */
    private char readEscape() {
        int at = pos;
        if (pos + 1 >= text.length()) {
            throw error(at, "the escape sequence is cut off");
        }
        char c = text.charAt(pos + 1);
        pos += 2;
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 > text.length()) {
                    throw error(at, "the escape sequence is cut off");
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(text.charAt(pos + i), 16);
                    if (digit < 0) {
                        throw error(at, "\\u must be followed by four hex digits");
                    }
                    code = code * 16 + digit;
                }
                pos += 4;
                return (char) code;
            default:
                throw error(at, "unknown escape \\" + c);
        }
    }

    /** Moves past a number in JSON's grammar, {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}, and returns its end. */
    private int scanNumber() {
        int start = pos;
        int at = pos;
        if (at < text.length() && text.charAt(at) == '-') {
            at++;
        }
        int intStart = at;
        at = skipDigits(at);
        if (at == intStart || (text.charAt(intStart) == '0' && at - intStart > 1)) {
            throw error(start, "expected a number but found " + describe(start));
        }
        if (at < text.length() && text.charAt(at) == '.') {
            int fractionStart = ++at;
            at = skipDigits(at);
            if (at == fractionStart) {
                throw error(start, "a number needs digits after its decimal point");
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            int exponentStart = at;
            at = skipDigits(at);
            if (at == exponentStart) {
                throw error(start, "a number needs digits in its exponent");
            }
        }
        pos = at;
        return at;
    }

    /**
     * Returns the number in {@code text[start, end)}. A short plain decimal is computed exactly from its
     * digits (both the digits and the power of ten are exact doubles, so the one division rounds correctly);
     * this keeps large pixel arrays fast, and everything else goes to {@link Double#parseDouble}.
     */
    private double parseDouble(int start, int end) {
        boolean negative = text.charAt(start) == '-';
        long digits = 0;
        int digitCount = 0;
        int fractionDigits = -1;
        for (int i = negative ? start + 1 : start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                fractionDigits = 0;
            } else if (c >= '0' && c <= '9' && digitCount < EXACT_DIGITS) {
                digits = digits * 10 + (c - '0');
                digitCount++;
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
            } else {
                return Double.parseDouble(text.substring(start, end));
            }
        }
        double value = fractionDigits > 0 ? digits / POWERS_OF_TEN[fractionDigits] : digits;
        return negative ? -value : value;
    }

    private int skipDigits(int at) {
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at;
    }

    private int skipWhitespace(int at) {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            at++;
        }
        return at;
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error(pos, "expected '" + c + "' but found " + describe(pos));
        }
        pos++;
    }

    private String describe(int at) {
        return at >= text.length() ? "the end of the text" : "'" + text.charAt(at) + "'";
    }

    private MalformedJsonException error(int at, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new MalformedJsonException("JSON at line " + line + ", column " + column + ": " + message);
    }
}
