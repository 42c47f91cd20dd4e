package org.backprop.web.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
     * Largest per-epoch loss difference allowed, as |gpu − cpu| / (1 + |cpu|). One step's float32 sums differ
     * by about 1e-6 relative (sums of up to a few thousand terms, in a different order); 16 Adam steps
     * amplify that, as Adam normalises even tiny gradient differences, but stay well below 1e-3.
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
            for (Iterator<Map.Entry<String, JsonNode>> it = cpu.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> metric = it.next();
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
        assertEquals(2, models, "models trained");
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}
