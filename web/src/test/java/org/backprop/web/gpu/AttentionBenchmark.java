package org.backprop.web.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.backprop.web.gpu.bench.AttentionTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test (its name keeps it out of the suite): prints {@link AttentionTiming}'s figures from Node +
 * Dawn. Run it with {@code mvn -B -o -q -pl nn,web test -Dtest=AttentionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures are in web/target/surefire-reports.
 */
class AttentionBenchmark {
    @TempDir
    Path work;

    @Test
    void timesFusedAndComposedAttentionInNodeWithDawn() {
        Path program = GpuTestPrograms.translate(AttentionTiming.class, work);
        List<JsonNode> lines = GpuTestPrograms.run(program, GpuTestPrograms.Engine.NODE_DAWN, 600);
        lines.forEach(System.out::println);
    }
}
