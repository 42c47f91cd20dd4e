package org.backprop.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.backprop.grader.GraderTestSupport;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.store.PretrainedRef;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.Model;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compiled program loads a course's pretrained model in the sandbox, by name, and predicts as the original does. */
class PretrainedInSandboxTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(30), 64 * 1024, 256);

    /** Loads "tiny" by name and by its version, predicts one row, and asks for models the run does not have. */
    static final String LOADS_TINY = String.join("\n",
            "import org.backprop.nn.Tensor;",
            "import org.backprop.nn.models.Model;",
            "import org.backprop.nn.models.Pretrained;",
            "public class Main { public static void main(String[] args) {",
            "  Model base = Pretrained.load(\"tiny\");",
            "  Model pinned = Pretrained.load(\"tiny:1.0.0\");",
            "  float[] out = base.predict(Tensor.of(new float[][] {{1, 2, 3, 4}})).toArray();",
            "  float[] again = pinned.predict(Tensor.of(new float[][] {{1, 2, 3, 4}})).toArray();",
            "  System.out.println(base.countParams() + \" \" + (out[0] == again[0] && out[1] == again[1]));",
            "  System.out.println(out[0] + \" \" + out[1]);",
            "  try { Pretrained.load(\"vgg16\"); } catch (IllegalArgumentException e) {"
                    + " System.out.println(e.getMessage()); }",
            "  try { Pretrained.load(\"tiny:2.0.0\"); } catch (IllegalArgumentException e) {"
                    + " System.out.println(e.getMessage()); }",
            "} }");

    @TempDir
    static Path work;
    static CompileService compiler;
    static NodeSandbox sandbox;

    @BeforeAll
    static void setUp() {
        compiler = new CompileService(work.resolve("compile"), 16, 2);
        sandbox = new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs")));
    }

    @AfterAll
    static void stopCompiler() {
        compiler.close();
    }

    @Test
    void aProgramLoadsThePretrainedModelTheRunHoldsAndPredictsAsTheOriginal(@TempDir Path temp) throws IOException {
        LayerNames.reset();
        RandomSeed.set(7);
        Input inputs = Input.shape(4);
        KerasTensor x = new Dense(3, "relu").apply(inputs);
        Model published = new Model(inputs, new Dense(2).apply(x), "tiny_base");
        byte[] bytes = SavedModels.toBytes(published);
        Path store = Files.createDirectories(temp.resolve("store"));
        ShardRef stored = StoredShards.write(store, bytes, 1);
        RunDatasets run = new RunDatasets(List.of(), List.of(new PretrainedRef("tiny", "1.0.0", stored.sha256(),
                bytes.length)), store::resolve);

        RunResult result = sandbox.run(compile(LOADS_TINY), LIMITS, run);

        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        float[] expected = TensorInternals.values(published.predict(Tensor.of(new float[][] {{1, 2, 3, 4}})));
        List<String> lines = List.of(result.stdout().split("\n"));
        assertEquals(published.countParams() + " true", lines.get(0), result::stdout);
        String[] predicted = lines.get(1).split(" ");
        // WebGPU's float arithmetic may round differently from the CPU's in the last bits.
        assertEquals(expected[0], Float.parseFloat(predicted[0]), 1e-4, result::stdout);
        assertEquals(expected[1], Float.parseFloat(predicted[1]), 1e-4, result::stdout);
        assertEquals("The assignment has no pretrained model vgg16; it has tiny 1.0.0", lines.get(2));
        assertTrue(lines.get(3).startsWith("The assignment has the pretrained model tiny in version 1.0.0, not 2.0.0"),
                result::stdout);
    }

    private static String compile(String source) {
        CompileResult result = compiler.compile(new SourceBundle("Main", Map.of("Main.java", source)));
        assertTrue(result.succeeded(), () -> "expected the test program to compile, got " + result.diagnostics());
        return result.js();
    }
}
