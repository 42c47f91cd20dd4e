import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.RunLimits;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.grader.sandbox.SandboxConfig;
import org.backprop.nn.data.store.DatasetManifest;

/**
 * Runs the benchmark's Main as the grader runs a student program: compiled by the grader's jailed compile workers
 * (javac, policy, TeaVM), then in the bubblewrap sandbox on Node + Dawn (WebGPU on SwiftShader here) with the dataset
 * folder mounted read-only. Prints what the program printed: one JSON line a figure.
 * Arguments: the sources folder (Main.java and model/), the dataset folder, node_modules, the Vulkan ICD file.
 */
public class SandboxRunner {
    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Map<String, String> files = new java.util.TreeMap<>();
        for (String path : List.of("Main.java", "model/Components.java", "model/ConvNet.java")) {
            files.put(path, Files.readString(sources.resolve(path)));
        }
        Path work = Files.createTempDirectory("pipeline-bench-");
        CompileResult compiled;
        try (CompileService compiler = new CompileService(work.resolve("compile"), 4, 1)) {
            compiled = compiler.compile(new SourceBundle("Main", files));
        }
        if (!compiled.succeeded()) {
            throw new IllegalStateException("the benchmark did not compile: " + compiled.diagnostics());
        }
        NodeSandbox sandbox = new NodeSandbox(new SandboxConfig("node", Path.of(args[2]), Optional.of(Path.of(args[3])),
                work.resolve("runs")));
        DatasetManifest manifest = DatasetManifest.fromJson(Files.readString(data.resolve("manifests/fashion_mnist.json")));
        RunDatasets datasets = new RunDatasets(List.of(manifest), sha256 -> data.resolve("shards").resolve(sha256));
        RunResult result = sandbox.run(compiled.js(), new RunLimits(Duration.ofMinutes(20), 1 << 20, 4096), datasets);
        System.out.print(result.stdout());
        if (result.status() != RunResult.Status.COMPLETED) {
            throw new IllegalStateException(result.status() + ": " + result.message() + "\n" + result.stderr());
        }
    }
}
