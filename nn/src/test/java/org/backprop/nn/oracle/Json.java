package org.backprop.nn.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;

/**
 * The little JSON the oracle exchanges with Node: tensors written as {@code {"shape": [...], "values": [...]}}
 * and a reader for the results (objects, arrays, numbers, strings, booleans, null). The nn module has no JSON
 * library and its tests should not pull one in for this.
 */
final class Json {
    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** Returns {@code text} quoted as a JSON string. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** Returns {@code tensor} as {@code {"shape": [...], "values": [...]}}; float32 values survive the round trip exactly. */
    static String tensor(Tensor tensor) {
        StringBuilder json = new StringBuilder("{\"shape\":[");
        int[] shape = tensor.shape();
        for (int i = 0; i < shape.length; i++) {
            json.append(i > 0 ? "," : "").append(shape[i]);
        }
        json.append("],\"values\":[");
        for (int i = 0; i < tensor.size(); i++) {
            json.append(i > 0 ? "," : "").append(Float.toString(tensor.get(i)));
        }
        return json.append("]}").toString();
    }

    /** Returns the tensor a parsed {@code {"shape": [...], "values": [...]}} object describes. */
    static Tensor toTensor(Object parsed) {
        Map<?, ?> object = (Map<?, ?>) parsed;
        List<?> shapeList = (List<?>) object.get("shape");
        List<?> valueList = (List<?>) object.get("values");
        int[] shape = new int[shapeList.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = ((Double) shapeList.get(i)).intValue();
        }
        float[] values = new float[valueList.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Double) valueList.get(i)).floatValue();
        }
        return Tensor.of(shape, values);
    }

    /** Returns the value {@code text} holds: maps, lists, doubles, strings, booleans or null. */
    static Object parse(String text) {
        Json reader = new Json(text);
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("end of input");
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (position >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return object;
        }
        while (true) {
            skipWhitespace();
            String key = string();
            skipWhitespace();
            expect(':');
            object.put(key, value());
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return array;
        }
        while (true) {
            array.add(value());
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder result = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("a closing quote");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return result.toString();
            }
            if (c != '\\') {
                result.append(c);
                continue;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case 'n':
                    result.append('\n');
                    break;
                case 't':
                    result.append('\t');
                    break;
                case 'r':
                    result.append('\r');
                    break;
                case 'b':
                    result.append('\b');
                    break;
                case 'f':
                    result.append('\f');
                    break;
                case 'u':
                    result.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                    break;
                default:
                    result.append(escaped);
            }
        }
    }

    private Double number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        if (start == position) {
            throw error("a value");
        }
        return Double.valueOf(text.substring(start, position));
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error(word);
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        position++;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String expected) {
        int end = Math.min(text.length(), position + 40);
        return new IllegalArgumentException("JSON: expected " + expected + " at offset " + position + ", found \""
                + text.substring(position, end) + "\"");
    }
}
