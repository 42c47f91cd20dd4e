package org.backprop.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class WeightsFormatTest {

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(42);
    }

    @Test
    void writesTheDocumentedLayout() {
        Variable bias = new Variable("d/b", Tensor.of(new float[] {1f, -2.5f}), true);
        byte[] bytes = WeightsFormat.write(List.of(bias));
        assertEquals(hex("89 42 50 57 0D 0A 1A 0A", "01 00 00 00", "01 00 00 00", "03 00 00 00 64 2F 62",
                "01 00 00 00 02 00 00 00", "00 00 80 3F 00 00 20 C0"), hex(bytes));
    }

    @Test
    void roundTripsAModelsWeightsBitForBit() {
        Sequential saved = new Sequential(Input.shape(3), new Dense(4, "relu"), new Dense(2));
        byte[] bytes = WeightsFormat.write(saved.weights());
        LayerNames.reset();
        RandomSeed.set(7);
        Sequential loaded = new Sequential(Input.shape(3), new Dense(4, "relu"), new Dense(2));
        Tensor x = Tensor.of(new float[][] {{0.5f, -1f, 2f}});
        assertEquals(false, Arrays.equals(saved.predict(x).toArray(), loaded.predict(x).toArray()),
                "another seed initialises other weights");
        WeightsFormat.read(bytes, loaded.weights());
        for (int i = 0; i < saved.weights().size(); i++) {
            assertEquals(saved.weights().get(i).value(), loaded.weights().get(i).value(), saved.weights().get(i).name());
        }
        assertArrayEquals(saved.predict(x).toArray(), loaded.predict(x).toArray());
    }

    @Test
    void keepsSpecialValuesAndScalarsAndMatchesByName() {
        Variable special = new Variable("special", Tensor.of(new float[] {Float.NaN, -0f, Float.MIN_VALUE,
            Float.POSITIVE_INFINITY}), true);
        Variable scalar = new Variable("scalar/é", Tensor.scalar(3f), false);
        byte[] bytes = WeightsFormat.write(List.of(special, scalar));
        Variable scalarCopy = new Variable("scalar/é", Tensor.scalar(0f), false);
        Variable specialCopy = new Variable("special", Tensor.zeros(4), true);
        WeightsFormat.read(bytes, List.of(scalarCopy, specialCopy));
        assertEquals(3f, scalarCopy.value().item());
        assertEquals(special.value(), specialCopy.value());
    }

    @Test
    void rejectsWeightsThatDoNotFitTheModel() {
        byte[] bytes = WeightsFormat.write(List.of(weight("dense/kernel", 2, 4), weight("dense/bias", 4)));
        assertMessage("The weights file has no weight \"dense_1/kernel\"; it holds [dense/kernel, dense/bias]. Was it"
                + " saved from a different model?", () -> WeightsFormat.read(bytes, List.of(weight("dense_1/kernel", 2, 4))));
        assertMessage("Weight \"dense/kernel\" has shape (2, 8) in the model but (2, 4) in the weights file",
                () -> WeightsFormat.read(bytes, List.of(weight("dense/kernel", 2, 8), weight("dense/bias", 4))));
        assertMessage("The weights file holds weights the model does not have: [dense/bias]. Was it saved from a"
                + " different model?", () -> WeightsFormat.read(bytes, List.of(weight("dense/kernel", 2, 4))));
        assertMessage("weights holds two weights named \"a\"; names must be unique to be loaded back",
                () -> WeightsFormat.write(List.of(weight("a", 1), weight("a", 2))));
    }

    @Test
    void aFailedLoadChangesNothing() {
        byte[] bytes = WeightsFormat.write(List.of(weight("a", 2), weight("b", 3)));
        Variable a = new Variable("a", Tensor.of(new float[] {9, 9}), true);
        assertThrows(IllegalArgumentException.class, () -> WeightsFormat.read(bytes, List.of(a, weight("b", 4))));
        assertArrayEquals(new float[] {9, 9}, a.value().toArray());
    }

    @Test
    void rejectsCorruptedBytes() {
        byte[] good = WeightsFormat.write(List.of(weight("dense/kernel", 2, 3)));
        List<Variable> model = List.of(weight("dense/kernel", 2, 3));

        byte[] png = good.clone();
        png[1] = 'P';
        assertMessage("These bytes are not a Backprop weights file: it starts with the 8 bytes 89 42 50 57 0D 0A 1A 0A"
                + " (\\x89BPW\\r\\n\\x1A\\n)", () -> WeightsFormat.read(png, model));
        assertMessage("These bytes are not a Backprop weights file: it starts with the 8 bytes 89 42 50 57 0D 0A 1A 0A"
                + " (\\x89BPW\\r\\n\\x1A\\n)", () -> WeightsFormat.read(new byte[3], model));

        byte[] future = good.clone();
        future[8] = 2;
        assertMessage("The weights file has format version 2, but this library reads version 1 only",
                () -> WeightsFormat.read(future, model));

        assertMessage("The weights file is cut off: it ends after " + (good.length - 1) + " bytes, in the values of"
                + " weight \"dense/kernel\"", () -> WeightsFormat.read(Arrays.copyOf(good, good.length - 1), model));
        assertMessage("The weights file is cut off: it ends after 20 bytes, in the name of weight 1 of 1",
                () -> WeightsFormat.read(Arrays.copyOf(good, 20), model));
        assertMessage("The weights file is cut off: it ends after 14 bytes, in the number of weights",
                () -> WeightsFormat.read(Arrays.copyOf(good, 14), model));
        assertMessage("The weights file is corrupted: 2 bytes follow its last weight",
                () -> WeightsFormat.read(Arrays.copyOf(good, good.length + 2), model));

        byte[] hugeDimension = good.clone();
        int firstDimension = 8 + 4 + 4 + 4 + "dense/kernel".length() + 4;
        hugeDimension[firstDimension + 3] = 0x7F;
        assertMessage("The weights file is cut off: it ends after " + good.length + " bytes, in the values of weight"
                + " \"dense/kernel\"", () -> WeightsFormat.read(hugeDimension, model));
    }

    private static Variable weight(String name, int... shape) {
        return new Variable(name, Tensor.zeros(shape), true);
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static String hex(String... groups) {
        return String.join(" ", groups);
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("%02X", b & 0xFF));
        }
        return text.toString();
    }
}
