package org.backprop.web.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole training runs on real WebGPU (SwiftShader here): the same seed gives the same loss curves on the CPU
 * and WebGPU backends (compiled models, and models with their own train step: the book's VAE and GAN), GPU memory stays flat over 1,000 steps with one command buffer per step, and the
 * failure paths (no WebGPU, a lost device, a kernel that does not compile) end with messages a student can
 * act on. The programs are in {@link TrainingProgram}.
 */
class GpuTrainingTest {
    /**
     * Largest per-epoch difference allowed in any history entry (loss, accuracy, val_loss, val_accuracy), as
     * |gpu − cpu| / (1 + |cpu|). One step's float32 sums (up to 1,152 terms, summed in another order) differ by
     * about 1e-6 relative; 9–12 Adam steps amplify that, since Adam normalises even tiny gradient differences,
     * to about 1e-4 here. Accuracies must come out equal: a flipped prediction would move them by 1/48 or more.
     */
    private static final double LOSS_TOLERANCE = 1e-3;

    @TempDir
    static Path work;
    static Path program;

    @BeforeAll
    static void translate() {
        program = GpuTestPrograms.translate(TrainingProgram.class, work);
    }

    @Test
    void trainsWholeModelsAsTheCpuBackendDoesInNodeWithDawn() {
        assertSameHistories(GpuTestPrograms.run(program, GpuTestPrograms.Engine.NODE_DAWN, 240, "parity"), 3);
    }

    @Test
    void trainsWholeModelsAsTheCpuBackendDoesInChromium() {
        assertSameHistories(GpuTestPrograms.run(program, GpuTestPrograms.Engine.CHROMIUM, 240, "parity"), 3);
    }

    /** The book's VAE and GAN: train steps of the program's own (two models, two optimizers), in fit's loop. */
    @Test
    void trainsCustomTrainStepsAsTheCpuBackendDoesInNodeWithDawn() {
        assertSameHistories(GpuTestPrograms.run(program, GpuTestPrograms.Engine.NODE_DAWN, 240, "custom-step"), 2);
    }

    @Test
    void trainsCustomTrainStepsAsTheCpuBackendDoesInChromium() {
        assertSameHistories(GpuTestPrograms.run(program, GpuTestPrograms.Engine.CHROMIUM, 240, "custom-step"), 2);
    }

    private static void assertSameHistories(List<JsonNode> lines, int expectedModels) {
        assertTrue(lines.get(lines.size() - 1).has("done"), () -> "the program did not finish: " + lines);
        List<String> failures = new ArrayList<>();
        int models = 0;
        for (JsonNode line : lines) {
            System.out.println(line);
            if (!line.has("model")) {
                continue;
            }
            models++;
            String model = line.get("model").asText();
            assertEquals("webgpu", line.get("gpuDevice").asText(), model + " trained on");
            JsonNode cpu = line.get("cpu");
            JsonNode gpu = line.get("gpu");
            for (Map.Entry<String, JsonNode> metric : cpu.properties()) {
                JsonNode expected = metric.getValue();
                JsonNode actual = gpu.get(metric.getKey());
                assertNotNull(actual, model + " on WebGPU has no " + metric.getKey() + ": " + gpu);
                assertEquals(expected.size(), actual.size(), model + " epochs of " + metric.getKey());
                for (int epoch = 0; epoch < expected.size(); epoch++) {
                    double want = expected.get(epoch).asDouble();
                    double got = actual.get(epoch).asDouble();
                    double error = Math.abs(got - want) / (1 + Math.abs(want));
                    if (!(error <= LOSS_TOLERANCE)) {
                        failures.add(model + " " + metric.getKey() + " epoch " + (epoch + 1) + ": cpu " + want
                                + ", webgpu " + got + " (error " + error + " > " + LOSS_TOLERANCE + ")");
                    }
                }
            }
        }
        assertEquals(expectedModels, models, "models trained");
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /**
     * 1,000 steps of BENCH-CNN's layers in batches of 2 (10 steps an epoch; counters read at each epoch's end,
     * after its readback freed the kept losses and predictions). The batch size only scales the buffers, not
     * how many are taken and given back, which is what leaks would change. Then an MLP whose every op has a
     * kernel: exactly one submit per step, plus one per epoch for the readback.
     */
    @Test
    void keepsGpuMemoryFlatOverAThousandStepsWithOneCommandBufferPerStep() {
        List<JsonNode> lines = GpuTestPrograms.run(program, GpuTestPrograms.Engine.NODE_DAWN, 400, "memory");
        assertTrue(lines.get(lines.size() - 1).has("done"), () -> "the program did not finish: " + lines);
        JsonNode first = stats(lines, "bench-cnn", 10);
        JsonNode second = stats(lines, "bench-cnn", 20);
        JsonNode last = stats(lines, "bench-cnn", 1000);
        System.out.println("after 10 steps: " + first + "\nafter 20 steps: " + second + "\nafter 1000 steps: " + last);
        assertEquals(first.get("liveBuffers").asInt(), last.get("liveBuffers").asInt(), "live buffers");
        assertEquals(first.get("liveBytes").asLong(), last.get("liveBytes").asLong(), "live bytes");
        assertEquals(first.get("createdBuffers").asInt(), last.get("createdBuffers").asInt(), "buffers created");
        // Every step binds the same kernels over the same pooled buffers, so it reuses the bind groups of the
        // steps before. Adam's step-dependent rate is a parameter, so its update binds a new parameter block
        // every step: about one new group a step, of the step's 30 dispatches.
        int dispatchesPerStep = (last.get("dispatches").asInt() - second.get("dispatches").asInt()) / 980;
        int newBindGroups = last.get("createdBindGroups").asInt() - second.get("createdBindGroups").asInt();
        assertEquals(30, dispatchesPerStep, "dispatches a step");
        assertTrue(newBindGroups <= 2 * 980, "bind groups created in steps 21-1000: " + newBindGroups);
        assertTrue(second.get("createdBindGroups").asInt() > 0, "bind groups counted: " + second);
        // Every submit is a step's command buffer or a readback; ops still computed on the CPU read back
        // their inputs mid-step, the same number of times in every step.
        assertEquals(1000 + last.get("readbacks").asInt(), last.get("submits").asInt(), "submits: steps + readbacks");
        int readbacksPerEpoch = second.get("readbacks").asInt() - first.get("readbacks").asInt();
        assertEquals(first.get("readbacks").asInt() + 99 * readbacksPerEpoch, last.get("readbacks").asInt(),
                "readbacks grow by the same count every epoch");

        JsonNode mlp = stats(lines, "mlp", 200);
        System.out.println("mlp after 200 steps (25 epochs): " + mlp);
        assertEquals(25, mlp.get("readbacks").asInt() - last.get("readbacks").asInt(), "one readback per epoch");
        assertEquals(200 + 25, mlp.get("submits").asInt() - last.get("submits").asInt(),
                "one command buffer per step, one per epoch's readback");
    }

    private static JsonNode stats(List<JsonNode> lines, String model, int steps) {
        for (JsonNode line : lines) {
            if (line.has("stats") && line.get("stats").asText().equals(model) && line.get("steps").asInt() == steps) {
                return line.get("counters");
            }
        }
        throw new AssertionError("no counters for " + model + " after " + steps + " steps in " + lines);
    }

    @Test
    void stopsARunWhoseDeviceIsLostAndNamesAKernelThatDoesNotCompileInNodeWithDawn() {
        assertFailurePaths(GpuTestPrograms.run(program, GpuTestPrograms.Engine.NODE_DAWN, 120, "failures"));
    }

    @Test
    void stopsARunWhoseDeviceIsLostAndNamesAKernelThatDoesNotCompileInChromium() {
        assertFailurePaths(GpuTestPrograms.run(program, GpuTestPrograms.Engine.CHROMIUM, 120, "failures"));
    }

    private static void assertFailurePaths(List<JsonNode> lines) {
        lines.forEach(System.out::println);
        JsonNode broken = find(lines, "brokenKernel");
        assertTrue(broken.asText().startsWith("The WebGPU kernel for op 'deliberately_broken' failed to compile: "),
                () -> "compile failure: " + broken);

        JsonNode lost = lines.stream().filter(line -> line.has("deviceLost")).findFirst().orElseThrow();
        String message = lost.get("deviceLost").asText();
        assertTrue(message.startsWith("The GPU device was lost: ")
                && message.contains("your run stopped after epoch 2."),
                () -> "device-lost message: " + message);
        assertEquals("DEVICE_LOST", lost.get("status").asText(), "run record status");
        assertEquals(message, lost.get("statusMessage").asText(), "run record status message");
        assertEquals(2, lost.get("epochsRecorded").asInt(), "the run record keeps the epochs that finished");
        assertEquals("webgpu", lost.get("backend").asText(), "the run record's backend");
    }

    @Test
    void fallsBackToTheCpuBackendWithoutWebGpu() {
        for (GpuTestPrograms.Engine engine : List.of(GpuTestPrograms.Engine.NODE_WITHOUT_WEBGPU,
                GpuTestPrograms.Engine.NODE_WITHOUT_ADAPTER)) {
            GpuTestPrograms.Output output = GpuTestPrograms.output(program, engine, 60, "fallback");
            System.out.println(output.text());
            assertTrue(output.text().contains("WebGPU is not available: ")
                    && output.text().contains(". Running on the CPU backend."), () -> engine + ": " + output.text());
            assertEquals("cpu", find(output.lines(), "recordBackend").asText(), engine + ": the run record's backend");
            assertEquals("cpu", find(output.lines(), "currentBackend").asText(), engine + ": the backend in use");
        }
    }

    /**
     * The page's live charts: hosted as the worker hosts it (with {@code backpropRuns.progress}), a fit reports its
     * start, batches no more than four a second (each one readback more) and each epoch with the logs its record's
     * history has, in order, before its record. Hosted as the grader hosts it (no {@code progress}), the same fit
     * reports nothing, reads back nothing more and trains the same. Prints both fits' wall times.
     */
    @Test
    void reportsLiveProgressToAHostThatListensAndCostsTheGraderNothingInNodeWithDawn() {
        List<JsonNode> lines = GpuTestPrograms.run(program, GpuTestPrograms.Engine.NODE_DAWN, 300, "progress");
        assertTrue(lines.get(lines.size() - 1).has("done"), () -> "the program did not finish: " + lines);
        List<List<JsonNode>> passes = new ArrayList<>();
        List<JsonNode> pass = new ArrayList<>();
        for (JsonNode line : lines) {
            pass.add(line);
            if (line.has("hosted")) {
                passes.add(pass);
                pass = new ArrayList<>();
            }
        }
        assertEquals(2, passes.size(), () -> "" + lines);
        JsonNode graderHosted = passes.get(0).get(passes.get(0).size() - 1).get("hosted");
        JsonNode workerHosted = passes.get(1).get(passes.get(1).size() - 1).get("hosted");
        System.out.println("without progress: " + graderHosted + "\nwith progress: " + workerHosted);
        assertEquals("webgpu", workerHosted.get("backend").asText());
        assertTrue(passes.get(0).stream().noneMatch(line -> line.has("fit")), "no progress without the host call");
        JsonNode graderRecord = find(passes.get(0), "ended");
        JsonNode record = find(passes.get(1), "ended");
        assertEquals(graderRecord.get("history"), record.get("history"), "progress changes no result");

        List<JsonNode> events = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        boolean ended = false;
        for (JsonNode line : passes.get(1)) {
            if (line.has("fit")) {
                assertTrue(!ended, "no progress after the record");
                events.add(line.get("fit"));
                at.add(line.get("at").asLong());
            }
            ended |= line.has("ended");
        }
        events.forEach(event -> System.out.println(event.toString()));
        JsonNode start = events.get(0);
        assertEquals("start", start.get("event").asText());
        assertEquals("live", start.get("run").asText());
        assertEquals(3, start.get("epochs").asInt());
        int steps = start.get("steps").asInt();
        assertEquals(720, steps, "11,520 training examples in batches of 16");

        JsonNode history = record.get("history");
        int epochsSeen = 0;
        int lastStep = 0;
        int batches = 0;
        long epochStarted = at.get(0);
        long longestEpochMs = 0;
        for (int i = 1; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertEquals("live", event.get("run").asText());
            String kind = event.get("event").asText();
            if (kind.equals("batch")) {
                batches++;
                long sinceNews = at.get(i) - at.get(i - 1);
                assertTrue(sinceNews >= 245, () -> "a batch report " + sinceNews + " ms after the last news: " + event);
                assertEquals(epochsSeen + 1, event.get("epoch").asInt(), () -> "batch in order: " + event);
                int step = event.get("step").asInt();
                assertTrue(step > lastStep && step < steps, () -> "step in order, never the last: " + event);
                assertEquals(steps, event.get("steps").asInt());
                assertTrue(Double.isFinite(event.get("loss").asDouble()) && event.get("loss").asDouble() > 0,
                        () -> "" + event);
                lastStep = step;
                continue;
            }
            assertEquals("epoch", kind, () -> "" + event);
            epochsSeen++;
            assertEquals(epochsSeen, event.get("epoch").asInt());
            assertEquals(3, event.get("epochs").asInt());
            JsonNode logs = event.get("logs");
            List<String> names = new ArrayList<>();
            logs.fieldNames().forEachRemaining(names::add);
            List<String> recorded = new ArrayList<>();
            history.fieldNames().forEachRemaining(recorded::add);
            assertEquals(recorded, names, "the epoch's metrics are the record's");
            assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), names);
            for (String metric : names) {
                assertEquals(history.get(metric).get(epochsSeen - 1), logs.get(metric),
                        metric + " of epoch " + epochsSeen + " as in the record");
            }
            longestEpochMs = Math.max(longestEpochMs, at.get(i) - epochStarted);
            epochStarted = at.get(i);
            lastStep = 0;
        }
        assertEquals(3, epochsSeen);
        System.out.println(batches + " batch reports; longest epoch " + longestEpochMs + " ms");
        assertTrue(batches <= workerHosted.get("wallMs").asLong() / 250, "four a second at most: " + batches);
        assertTrue(longestEpochMs >= 750, "the fit is too short to see a batch report: " + longestEpochMs + " ms");
        assertTrue(batches >= 1, "an epoch of at least 750 ms reports a batch");
        assertEquals(graderHosted.get("readbacks").asInt() + batches, workerHosted.get("readbacks").asInt(),
                "one readback per batch report; none without the host call");
    }

    private static JsonNode find(List<JsonNode> lines, String field) {
        return lines.stream().filter(line -> line.has(field)).map(line -> line.get(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " in " + lines));
    }
}
