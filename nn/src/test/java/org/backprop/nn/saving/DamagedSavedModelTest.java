package org.backprop.nn.saving;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.backprop.nn.Input;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Saved models that are cut off, damaged, of another version or hostile fail with an IllegalArgumentException
 * that says what is wrong, never with an index error and never by allocating what the file does not hold.
 */
class DamagedSavedModelTest {
    private byte[] saved;

    @BeforeEach
    void saveASmallModel() {
        LayerNames.reset();
        RandomSeed.set(3);
        saved = SavedModels.toBytes(new Sequential(Input.shape(3), new Dense(4, "relu"), new Dense(2)));
    }

    private static void assertRefused(byte[] bytes, String expected) {
        assertRefused(() -> SavedModels.fromBytes(bytes), expected);
    }

    private static void assertRefused(Executable load, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, load);
        assertTrue(e.getMessage().startsWith("Cannot load the saved model: ") && e.getMessage().contains(expected),
                "expected a message containing \"" + expected + "\", got: " + e.getMessage());
    }

    /** Returns a valid container around {@code json} and {@code weights}, so that only their meaning is wrong. */
    private static byte[] file(String json, int weightBytes) {
        return SavedModelFile.pack(SavedModels.VERSION, json, new byte[weightBytes]);
    }

    private static String document(String model, String weights) {
        return "{\"format\": \"backprop-saved-model\", \"version\": 1, \"nn_version\": \"0\", \"model\": " + model
                + ", \"weights\": " + weights + "}";
    }

    private static String sequentialOf(String layerConfig, String inputShape) {
        return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"build_input_shape\": " + inputShape
                + ", \"layers\": [" + layerConfig + "]}}";
    }

    @Test
    void bytesThatAreNoSavedModelAreRefused() {
        assertRefused(() -> SavedModels.fromBytes(null), "null");
        assertRefused(new byte[0], "not a Backprop saved model");
        assertRefused("{\"format\": \"backprop-saved-model\"}".getBytes(StandardCharsets.UTF_8),
                "not a Backprop saved model");
        assertRefused(new Sequential(new Dense(1)).saveWeights(), "not a Backprop saved model");
    }

    @Test
    void everyCutOffFileIsRefused() {
        for (int length = 0; length < saved.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(saved, length);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SavedModels.fromBytes(cut),
                    "cut off after " + length + " bytes");
            assertTrue(e.getMessage().startsWith("Cannot load the saved model: "), e.getMessage());
        }
        assertRefused(java.util.Arrays.copyOf(saved, saved.length - 1), "cut off");
    }

    @Test
    void everyFlippedByteIsCaught() {
        for (int i = 0; i < saved.length; i++) {
            byte[] damaged = saved.clone();
            damaged[i] ^= 0x10;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SavedModels.fromBytes(damaged), "byte " + i + " flipped");
            assertTrue(e.getMessage().startsWith("Cannot load the saved model: "), e.getMessage());
        }
    }

    @Test
    void bytesAfterTheChecksumAreRefused() {
        assertRefused(java.util.Arrays.copyOf(saved, saved.length + 3), "3 bytes follow its checksum");
    }

    @Test
    void anotherFormatVersionIsRefusedByNumber() {
        byte[] later = saved.clone();
        later[8] = 2;
        assertRefused(later, "format version 2, but this version of nn reads version 1 only");
        assertRefused(file(document(sequentialOf("", "null"), "[]").replace("\"version\": 1", "\"version\": 2"), 0),
                "version 2");
    }

    @Test
    void lengthsInTheHeaderAreCheckedBeforeAnythingIsAllocated() {
        byte[] hugeJson = saved.clone();
        hugeJson[12] = hugeJson[13] = hugeJson[14] = hugeJson[15] = (byte) 0xFF;
        assertRefused(hugeJson, "more than the 16777216");
        byte[] hugeWeights = saved.clone();
        int weightsLengthAt = 16 + (int) ((hugeWeights[12] & 0xFF) | (hugeWeights[13] & 0xFF) << 8
                | (hugeWeights[14] & 0xFF) << 16);
        hugeWeights[weightsLengthAt + 3] = (byte) 0x7F;
        assertRefused(hugeWeights, "cut off");
    }

    @Test
    void weightShapesBeyondTheWeightsSectionAreRefusedBeforeAllocating() {
        String weights = "[{\"layer\": \"dense\", \"name\": \"kernel\", \"shape\": [100000, 100000, 100000],"
                + " \"dtype\": \"float32\", \"offset\": 0}]";
        assertRefused(file(document(sequentialOf("", "null"), weights), 16), "does not fit in the 16 bytes");
        String unlisted = "[]";
        assertRefused(file(document(sequentialOf("", "null"), unlisted), 16), "hold 0 bytes");
    }

    @Test
    void aConfigAskingForMoreWeightsThanTheFileHoldsFailsBeforeCreatingThem() {
        String dense = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 2000000000}}";
        String weights = "[{\"layer\": \"dense\", \"name\": \"kernel\", \"shape\": [3, 2], \"dtype\": \"float32\","
                + " \"offset\": 0}]";
        assertRefused(file(document(sequentialOf(dense, "[null, 3]"), weights), 24),
                "weight \"dense/kernel\" of shape (3, 2000000000) needs more weight values than the saved model"
                        + " holds (6 in all");
    }

    @Test
    void unknownLayersAndSettingsAreRefusedByName() {
        String custom = "{\"class_name\": \"MyLayer\", \"config\": {\"name\": \"mine\"}}";
        assertRefused(file(document(sequentialOf(custom, "null"), "[]"), 0),
                "Layer \"mine\" has class MyLayer, which this version of nn does not have");
        String later = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2, \"kernel_constraint\":"
                + " \"non_neg\"}}";
        assertRefused(file(document(sequentialOf(later, "null"), "[]"), 0),
                "setting \"kernel_constraint\" that this version of nn does not know");
        String invalid = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": -2}}";
        assertRefused(file(document(sequentialOf(invalid, "null"), "[]"), 0), "units must be positive");
    }

    @Test
    void missingOrExtraWeightsAreRefused() {
        String dense = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 2}}";
        String kernelOnly = "[{\"layer\": \"dense\", \"name\": \"kernel\", \"shape\": [3, 2], \"dtype\": \"float32\","
                + " \"offset\": 0}]";
        String kernelAndOther = kernelOnly.replace("0}]", "0}, {\"layer\": \"other\", \"name\": \"bias\","
                + " \"shape\": [2], \"dtype\": \"float32\", \"offset\": 24}]");
        assertRefused(file(document(sequentialOf(dense, "[null, 3]"), kernelAndOther), 32),
                "no values for weight \"dense/bias\"");
        String withoutBias = dense.replace("}}", ", \"use_bias\": false}}");
        assertRefused(file(document(sequentialOf(withoutBias, "[null, 3]"), kernelAndOther), 32),
                "holds weights the rebuilt model does not have: [other/bias]");
        String wrongShape = kernelAndOther.replace("[3, 2]", "[2, 3]").replace("\"other\"", "\"dense\"");
        assertRefused(file(document(sequentialOf(dense, "[null, 3]"), wrongShape), 32), "has shape (3, 2)");
    }

    @Test
    void malformedOrDeeplyNestedJsonIsRefused() {
        assertRefused(file("{\"format\": ", 0), "JSON at line 1");
        assertRefused(file("[".repeat(100_000) + "]".repeat(100_000), 0), "nested more than 32 levels");
        assertRefused(file(document(sequentialOf("", "null"), "[]").replace("\"s\"", "3"), 0),
                "model.config.name must be a string, got 3");
    }

    @Test
    void brokenGraphsAreRefused() {
        String graph = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"f\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"name\": \"input_layer\","
                + " \"config\": {\"batch_shape\": [null, 2]}, \"inbound_nodes\": []},"
                + "{\"class_name\": \"Flatten\", \"name\": \"flatten\", \"config\": {\"name\": \"flatten\"},"
                + " \"inbound_nodes\": [[[\"nowhere\", 0, 0]]]}],"
                + " \"input_layers\": [[\"input_layer\", 0, 0]], \"output_layers\": [[\"flatten\", 0, 0]]}}";
        assertRefused(file(document(graph, "[]"), 0), "which the other layers never produce");
        String cycle = graph.replace("\"nowhere\"", "\"flatten\"");
        assertRefused(file(document(cycle, "[]"), 0), "which the other layers never produce");
        String noOutput = graph.replace("\"nowhere\"", "\"input_layer\"").replace("[[\"flatten\", 0, 0]]}}",
                "[[\"flatten\", 1, 0]]}}");
        assertRefused(file(document(noOutput, "[]"), 0), "which no layer produces");
    }
}
