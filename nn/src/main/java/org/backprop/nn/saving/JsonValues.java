package org.backprop.nn.saving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.json.JsonReader;
import org.backprop.nn.json.JsonWriter;
import org.backprop.nn.json.MalformedJsonException;

/**
 * Turns JSON values into plain Java values and back with the library's {@link JsonReader} and
 * {@link JsonWriter}: objects are {@code Map<String, Object>} in document order, arrays {@code List<Object>},
 * numbers {@link Double}, and strings, booleans and null themselves. A saved model's config is read whole this
 * way, because layer configs are open-ended maps.
 */
final class JsonValues {
    /** A model config nests a few levels deep; far deeper nesting is a hostile file, not a model. */
    private static final int MAX_DEPTH = 32;

    private JsonValues() {
    }

    /** Returns the one value {@code text} holds. */
    static Object parse(String text) {
        JsonReader json = new JsonReader(text);
        Object value = read(json, 0);
        json.endDocument();
        return value;
    }

    private static Object read(JsonReader json, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedJsonException("values are nested more than " + MAX_DEPTH + " levels deep");
        }
        switch (json.peek()) {
            case BEGIN_OBJECT:
                Map<String, Object> object = new LinkedHashMap<>();
                json.beginObject();
                while (json.hasNext()) {
                    String name = json.nextName();
                    if (object.containsKey(name)) {
                        throw new MalformedJsonException("the member \"" + name + "\" appears twice in one object");
                    }
                    object.put(name, read(json, depth + 1));
                }
                json.endObject();
                return object;
            case BEGIN_ARRAY:
                List<Object> array = new ArrayList<>();
                json.beginArray();
                while (json.hasNext()) {
                    array.add(read(json, depth + 1));
                }
                json.endArray();
                return array;
            case STRING:
                return json.nextString();
            case NUMBER:
                return json.nextDouble();
            case BOOLEAN:
                return json.nextBoolean();
            case NULL:
                json.nextIfNull();
                return null;
            default:
                // peek() fails itself on anything that is not a value; this is the end of an empty container.
                throw new MalformedJsonException("expected a value");
        }
    }

    /** Writes {@code value}, one of the types {@link #parse} returns (numbers of any boxed type). */
    static void write(JsonWriter json, Object value) {
        if (value == null) {
            json.nullValue();
        } else if (value instanceof String) {
            json.value((String) value);
        } else if (value instanceof Boolean) {
            json.value((boolean) (Boolean) value);
        } else if (value instanceof Double || value instanceof Float) {
            json.value(((Number) value).doubleValue());
        } else if (value instanceof Number) {
            json.value(((Number) value).longValue());
        } else if (value instanceof List) {
            json.beginArray();
            for (Object element : (List<?>) value) {
                write(json, element);
            }
            json.endArray();
        } else if (value instanceof Map) {
            json.beginObject();
            for (Map.Entry<?, ?> member : ((Map<?, ?>) value).entrySet()) {
                write(json.name((String) member.getKey()), member.getValue());
            }
            json.endObject();
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " as JSON");
        }
    }
}
