package org.backprop.nn.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesIndentedObjectsAndOneLineNumberArrays() {
        String json = new JsonWriter().beginObject()
                .name("name").value("run \"a\"\n\\tab\t\u0001\u2028")
                .name("loss").beginArray().value(0.5).value(0.25).value(Double.NaN).endArray()
                .name("layers").beginArray()
                .beginObject().name("params").value(63L).name("trainingOnly").value(false).endObject()
                .beginArray().endArray()
                .endArray()
                .name("empty").beginObject().endObject()
                .name("whole").value(3.0)
                .name("small").value(1e-4)
                .name("large").value(1e20)
                .name("none").value((String) null)
                .endObject().toString();
        assertEquals(String.join("\n",
                "{",
                "  \"name\": \"run \\\"a\\\"\\n\\\\tab\\t\\u0001\\u2028\",",
                "  \"loss\": [0.5, 0.25, null],",
                "  \"layers\": [",
                "    {",
                "      \"params\": 63,",
                "      \"trainingOnly\": false",
                "    },",
                "    []",
                "  ],",
                "  \"empty\": {},",
                "  \"whole\": 3,",
                "  \"small\": 1.0E-4,",
                "  \"large\": 1.0E20,",
                "  \"none\": null",
                "}"), json);
    }

    @Test
    void readsWhatItWrites() {
        String json = new JsonWriter().beginObject()
                .name("s").value("é \"quoted\" \\ / \u0000 \u2029")
                .name("n").beginArray().value(-0.125).value(Double.POSITIVE_INFINITY).value(7L).endArray()
                .name("b").value(true)
                .name("nested").beginArray().beginArray().value(1L).endArray().beginObject().endObject().endArray()
                .endObject().toString();
        JsonReader reader = new JsonReader(json);
        reader.beginObject();
        assertEquals("s", reader.nextName());
        assertEquals("é \"quoted\" \\ / \u0000 \u2029", reader.nextString());
        assertEquals("n", reader.nextName());
        reader.beginArray();
        assertEquals(-0.125, reader.nextDouble());
        assertTrue(Double.isNaN(reader.nextDouble()), "infinity is written as null and read as NaN");
        assertEquals(7L, reader.nextLong());
        assertFalse(reader.hasNext());
        reader.endArray();
        assertEquals("b", reader.nextName());
        assertTrue(reader.nextBoolean());
        assertEquals("nested", reader.nextName());
        reader.skipValue();
        assertFalse(reader.hasNext());
        reader.endObject();
        reader.endDocument();
    }

    @Test
    void readsEscapesAndCompactText() {
        JsonReader reader = new JsonReader("[\"\\u00e9\\b\\f\\/\",null,{\"a\":[]},-0,1E2,2.5e-3]");
        List<Object> values = new ArrayList<>();
        reader.beginArray();
        values.add(reader.nextString());
        assertTrue(reader.nextIfNull());
        assertEquals(JsonToken.BEGIN_OBJECT, reader.peek());
        reader.skipValue();
        values.add(reader.nextDouble());
        values.add(reader.nextDouble());
        values.add(reader.nextDouble());
        reader.endArray();
        reader.endDocument();
        assertEquals(List.of("é\b\f/", -0.0, 100.0, 0.0025), values);
    }

    @Test
    void numbersRoundTripExactly() {
        RandomGenerator random = new RandomGenerator(11);
        JsonWriter writer = new JsonWriter().beginArray();
        double[] expected = new double[1000];
        for (int i = 0; i < expected.length; i++) {
            // Mix short decimals (the fast path), floats widened to double, and values of every magnitude.
            switch (i % 3) {
                case 0:
                    expected[i] = random.nextInt(100_000) / 1000.0;
                    break;
                case 1:
                    expected[i] = random.nextFloat();
                    break;
                default:
                    expected[i] = Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            }
            writer.value(expected[i]);
        }
        JsonReader reader = new JsonReader(writer.endArray().toString());
        reader.beginArray();
        for (int i = 0; i < expected.length; i++) {
            double want = expected[i];
            double actual = reader.nextDouble();
            assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(actual),
                    () -> "expected " + want + " but read " + actual);
        }
    }

    @Test
    void malformedTextIsReportedWithLineAndColumn() {
        assertMalformed("JSON at line 2, column 4: expected ',' but found '2'", "[1,\n 1 2]", JsonTest::readNumbers);
        assertMalformed("JSON at line 1, column 4: expected a value but found ']'", "[1,]", JsonTest::readNumbers);
        assertMalformed("JSON at line 1, column 2: expected a number but found '0'", "[01]", JsonTest::readNumbers);
        assertMalformed("JSON at line 1, column 2: a number needs digits after its decimal point", "[1.]",
                JsonTest::readNumbers);
        assertMalformed("JSON at line 1, column 2: expected a value but found 'N'", "[NaN]", JsonTest::readNumbers);
        assertMalformed("JSON at line 1, column 5: expected the end of the text but found 'x'", "[1] x",
                JsonTest::readNumbers);
        assertMalformed("JSON at line 1, column 2: the string starting here is not closed", "[\"abc",
                reader -> {
                    reader.beginArray();
                    reader.nextString();
                });
        assertMalformed("JSON at line 1, column 3: unknown escape \\x", "[\"\\x\"]", reader -> {
            reader.beginArray();
            reader.nextString();
        });
        assertMalformed("JSON at line 1, column 2: expected a whole number but found 2.5", "[2.5]", reader -> {
            reader.beginArray();
            reader.nextLong();
        });
        assertMalformed("JSON at line 1, column 1: expected '{' but found '['", "[]", JsonReader::beginObject);
        assertMalformed("JSON at line 1, column 6: expected ':' but found '1'", "{\"a\" 1}", reader -> {
            reader.beginObject();
            reader.nextName();
        });
    }

    private static void readNumbers(JsonReader reader) {
        reader.beginArray();
        while (reader.hasNext()) {
            reader.nextDouble();
        }
        reader.endArray();
        reader.endDocument();
    }

    private static void assertMalformed(String expected, String json, java.util.function.Consumer<JsonReader> read) {
        MalformedJsonException error = assertThrows(MalformedJsonException.class, () -> read.accept(new JsonReader(json)),
                () -> "reading " + json);
        assertEquals(expected, error.getMessage());
    }
}
