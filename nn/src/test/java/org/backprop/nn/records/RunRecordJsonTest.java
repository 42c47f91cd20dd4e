package org.backprop.nn.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRecordJsonTest {

    /** A run of the course's small convnet on the mnist digits, with every optional part filled in. */
    static RunRecord baseline() {
        ModelGraph model = new ModelGraph("sequential", List.of(28, 28, 1), List.of(
                new LayerRecord("random_flip", "RandomFlip", List.of(28, 28, 1), 0, 0, true, List.of("input_layer")),
                new LayerRecord("conv2d", "Conv2D", List.of(26, 26, 8), 80, 0, false, List.of("random_flip")),
                new LayerRecord("batch_normalization", "BatchNormalization", List.of(26, 26, 8), 16, 16, false,
                        List.of("conv2d")),
                new LayerRecord("flatten", "Flatten", List.of(5408), 0, 0, false, List.of("batch_normalization")),
                new LayerRecord("dense", "Dense", List.of(10), 54090, 0, false, List.of("flatten"))));
        Map<String, List<Double>> history = new LinkedHashMap<>();
        history.put("loss", List.of(0.52, 0.21));
        history.put("accuracy", List.of(0.85, 0.9375));
        history.put("val_loss", List.of(0.3, 0.25));
        history.put("val_accuracy", List.of(0.91, 0.93));
        return RunRecord.builder("baseline \"v1\"", 42, model)
                .tag("ablation:baseline")
                .tag("member:kim")
                .dataset(new DatasetRecord("mnist", "validation_split=0.2", 8000, 2000, 0))
                .optimizer(new ComponentConfig("adam", Map.of("learning_rate", 0.001)))
                .loss(new ComponentConfig("sparse_categorical_crossentropy", Map.of("from_logits", false)))
                .history(history)
                .finalMetrics(Map.of("val_accuracy", 0.93))
                .testMetrics(Map.of("accuracy", 0.92))
                .confusionMatrix(new ConfusionMatrix(List.of("cat", "dog"), new long[][] {{40, 2}, {3, 55}}))
                .wallTimeMs(81234)
                .device(new Device("webgpu", "Apple M2 (Metal)"))
                .build();
    }

    @Test
    void writesTheGoldenDocument() throws IOException {
        assertEquals(golden("run-record.golden.json"), RunRecordJson.write(baseline()) + "\n");
    }

    @Test
    void readsTheGoldenDocument() throws IOException {
        assertEquals(baseline(), RunRecordJson.read(golden("run-record.golden.json")));
    }

    @Test
    void roundTripsADivergedRunWithNaNAndWithoutOptionalParts() {
        Map<String, List<Double>> history = Map.of("loss", Arrays.asList(2.5, Double.NaN));
        RunRecord diverged = RunRecord.builder("lr too high", -7L, new ModelGraph("m", List.of(2), List.of()))
                .dataset(new DatasetRecord("xor", "", 4, 0, 0))
                .optimizer(new ComponentConfig("sgd", Map.of("learning_rate", 10, "nesterov", true, "note", "é\n")))
                .loss(ComponentConfig.of("mse"))
                .history(history)
                .finalMetrics(Map.of("loss", Double.POSITIVE_INFINITY))
                .device(new Device("cpu", "JVM"))
                .status(RunStatus.diverged("The loss became NaN in epoch 2 (step 1 of 1)."))
                .build();
        String json = RunRecordJson.write(diverged);
        assertTrue(json.contains("\"loss\": [2.5, null]"), json);
        RunRecord read = RunRecordJson.read(json);
        assertTrue(Double.isNaN(read.finalMetrics().get("loss")), "infinity comes back as NaN");
        assertEquals(RunRecord.builder("lr too high", -7L, diverged.model())
                .dataset(diverged.dataset()).optimizer(diverged.optimizer()).loss(diverged.loss()).history(history)
                .finalMetrics(Map.of("loss", Double.NaN)).device(diverged.device()).status(diverged.status()).build(),
                read);
        assertEquals(10.0, read.optimizer().settings().get("learning_rate"));
        assertTrue(read.confusionMatrix().isEmpty());
        assertEquals(RunRecordJson.write(read), json);
    }

    @Test
    void readsADocumentWrittenBeforeProvenanceAndEvidenceWereKept() throws IOException {
        RunRecord read = RunRecordJson.read(golden("run-record-v1-without-evidence.json"));
        assertEquals(baseline(), read);
        assertEquals(List.of(), read.dataset().sources());
        assertFalse(read.model().layers().get(0).custom());
        assertNull(read.model().layers().get(0).changesInTraining());
        assertNull(read.model().inferenceDeterministic());
    }

    @Test
    void roundTripsProvenanceCustomLayersProbeEvidenceAndANotTrainedRun() {
        String hash = "ab".repeat(32);
        ModelGraph model = new ModelGraph("sequential", List.of(28, 28, 1), List.of(
                new LayerRecord("random_flip", "RandomFlip", List.of(28, 28, 1), 0, 0, true, List.of("input_layer"),
                        false, true, true),
                new LayerRecord("my_norm", "BatchNormalization", List.of(28, 28, 1), 0, 0, false,
                        List.of("random_flip"), true, false, false),
                new LayerRecord("dense", "Dense", List.of(10), 7850, 0, false, List.of("my_norm"))), true);
        RunRecord record = RunRecord.builder("no-augmentation", 9, model)
                .tag("ablation:no-augmentation")
                .dataset(new DatasetRecord("fashion_mnist:1.0.0/train", "validation data given", 50000, 10000, 0,
                        List.of(new DataProvenance("train", "fashion_mnist", "1.0.0", "train", 50000,
                                        List.of(hash, "cd".repeat(32))),
                                new DataProvenance("validation", "fashion_mnist", "1.0.0", "train", 10000,
                                        List.of("cd".repeat(32))))))
                .optimizer(ComponentConfig.of("adam"))
                .loss(ComponentConfig.of("mse"))
                .device(new Device("webgpu", "SwiftShader"))
                .status(RunStatus.notTrained("The grader did not re-run this run."))
                .build();
        String json = RunRecordJson.write(record);
        assertTrue(json.contains("\"state\": \"not_trained\""), json);
        assertTrue(json.contains("\"custom\": true"), json);
        assertTrue(json.contains("\"inferenceDeterministic\": true"), json);
        assertTrue(json.contains("\"shardHashes\": [\"" + hash + "\""), json);
        RunRecord read = RunRecordJson.read(json);
        assertEquals(record, read);
        assertEquals(Boolean.FALSE, read.model().layers().get(1).identityAtInference());
        assertNull(read.model().layers().get(2).changesInTraining(), "not probed stays null");
        assertEquals(json, RunRecordJson.write(read));
    }

    @Test
    void ignoresMembersItDoesNotKnow() throws IOException {
        String extended = golden("run-record.golden.json").replace("\"seed\": 42,",
                "\"seed\": 42,\n  \"futureMember\": {\"nested\": [1, {\"x\": null}]},");
        assertEquals(baseline(), RunRecordJson.read(extended));
    }

    @Test
    void rejectsInvalidRecordsNamingWhatIsWrong() throws IOException {
        String golden = golden("run-record.golden.json");
        assertInvalid("Not a valid run record: it has version 2, but this library reads version 1 only",
                golden.replace("\"version\": 1", "\"version\": 2"));
        assertInvalid("Not a valid run record: \"format\" must be \"backprop-run-record\", got \"keras\"",
                golden.replace("\"backprop-run-record\"", "\"keras\""));
        assertInvalid("Not a valid run record: it has no seed", golden.replace("\"seed\": 42,", ""));
        assertInvalid("Not a valid run record: status.state must be completed, diverged, stopped, device_lost or"
                + " not_trained, got done", golden.replace("\"completed\"", "\"done\""));
        assertInvalid("Not a valid run record: a DIVERGED run needs a message saying why",
                golden.replace("\"completed\"", "\"diverged\""));
        assertInvalid("Not a valid run record: trainableParams must not be negative, got -80",
                golden.replace("\"trainableParams\": 80,", "\"trainableParams\": -80,"));
        assertInvalid("Not a valid run record: counts[1] must have one column per label (2), got 1",
                golden.replace("[3, 55]", "[3]"));
        assertInvalid("Not a valid run record: JSON at line 3, column 14: expected a whole number but found 1.5",
                golden.replace("\"version\": 1", "\"version\": 1.5"));
        assertInvalid("Not a valid run record: JSON at line 1, column 1: expected '{' but found '['", "[]");
    }

    @Test
    void builderNamesTheMissingPart() {
        RunRecord.Builder builder = RunRecord.builder("run", 1, new ModelGraph("m", List.of(), List.of()));
        assertEquals("Run record \"run\" needs dataset(...) before build()",
                assertThrows(IllegalStateException.class, builder::build).getMessage());
    }

    private static void assertInvalid(String expected, String json) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> RunRecordJson.read(json)).getMessage());
    }

    static String golden(String name) throws IOException {
        try (InputStream in = RunRecordJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("golden file " + name + " is missing next to " + RunRecordJsonTest.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
