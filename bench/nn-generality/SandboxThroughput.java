import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunLimits;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.grader.sandbox.SandboxConfig;

/**
 * Runs Throughput.java as the grader runs a student program: compiled by the grader's compile workers (javac, policy,
 * TeaVM) and run in the sandbox on Node + Dawn, so on nn's WebGPU backend (SwiftShader's Vulkan here, the GPU's on a
 * GPU machine). Prints what the program printed. Arguments: Throughput.java, node_modules, the Vulkan ICD file.
 */
public class SandboxThroughput {
    public static void main(String[] args) throws Exception {
        Map<String, String> files = Map.of("Throughput.java", Files.readString(Path.of(args[0])));
        Path work = Files.createTempDirectory("generality-bench-");
        CompileResult compiled;
        try (CompileService compiler = new CompileService(work.resolve("compile"), 4, 1)) {
            compiled = compiler.compile(new SourceBundle("Throughput", files));
        }
        if (!compiled.succeeded()) {
            throw new IllegalStateException("the benchmark did not compile: " + compiled.diagnostics());
        }
        NodeSandbox sandbox = new NodeSandbox(new SandboxConfig("node", Path.of(args[1]), Optional.of(Path.of(args[2])),
                work.resolve("runs")));
        RunResult result = sandbox.run(compiled.js(), new RunLimits(Duration.ofMinutes(30), 1 << 20, 4096));
        System.out.print(result.stdout());
        if (result.status() != RunResult.Status.COMPLETED) {
            throw new IllegalStateException(result.status() + ": " + result.message() + "\n" + result.stderr());
        }
    }
}
