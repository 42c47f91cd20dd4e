package org.backprop.web.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backprop.web.gpu.parity.ParityProgram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Op-by-op parity of the WebGPU backend with the CPU backend, forward and backward, on real WebGPU: in Node
 * with Dawn and in headless Chromium, both on SwiftShader. Each case's tolerance is in {@code ParityCases}.
 */
class GpuParityTest {
    @TempDir
    static Path work;
    static Path program;

    @BeforeAll
    static void translate() {
        program = GpuTestPrograms.translate(ParityProgram.class, work);
    }

    @Test
    void matchesTheCpuBackendInNodeWithDawn() {
        assertAllCasesAgree(GpuTestPrograms.run(program, GpuTestPrograms.Engine.NODE_DAWN, 300));
    }

    @Test
    void matchesTheCpuBackendInChromium() {
        assertAllCasesAgree(GpuTestPrograms.run(program, GpuTestPrograms.Engine.CHROMIUM, 300));
    }

    private static void assertAllCasesAgree(List<JsonNode> lines) {
        JsonNode last = lines.get(lines.size() - 1);
        assertTrue(last.has("done"), () -> "the program did not finish: " + lines);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (JsonNode line : lines) {
            System.out.println(line);
            if (line.has("case")) {
                cases++;
                if (!line.get("ok").asBoolean()) {
                    failures.add(line.toString());
                }
            }
        }
        assertEquals(last.get("done").asInt(), cases, "every case reports");
        assertTrue(cases >= 20, "cases run: " + cases);
        assertTrue(last.get("dispatches").asInt() >= cases, "kernels dispatched: " + last);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }
}
