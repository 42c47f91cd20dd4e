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
 * and WebGPU backends, GPU memory stays flat over 1,000 steps with one command buffer per step, and the
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
        assertSameHistories(GpuTestPrograms.run(program, GpuTestPrograms.Engine.NODE_DAWN, 240, "parity"));
    }

    @Test
    void trainsWholeModelsAsTheCpuBackendDoesInChromium() {
        assertSameHistories(GpuTestPrograms.run(program, GpuTestPrograms.Engine.CHROMIUM, 240, "parity"));
    }

    private static void assertSameHistories(List<JsonNode> lines) {
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
        assertEquals(3, models, "models trained");
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

    private static JsonNode find(List<JsonNode> lines, String field) {
        return lines.stream().filter(line -> line.has(field)).map(line -> line.get(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + " in " + lines));
    }
}
