import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;

/**
 * Compiles one Java file with the grader's compile workers (javac, policy, TeaVM) of the checked-out commit and writes
 * the ES module, so that a commit's nn can be timed on a machine without Java (bench/gpu-grading/on-gpu.sh).
 * Arguments: the main class, the .java file, the output .mjs.
 */
public class CompileToJs {
    public static void main(String[] args) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(args[0] + ".java", Files.readString(Path.of(args[1])));
        Path work = Files.createTempDirectory("compile-to-js-");
        try (CompileService compiler = new CompileService(work, 2, 1)) {
            CompileResult compiled = compiler.compile(new SourceBundle(args[0], files));
            if (!compiled.succeeded()) {
                throw new IllegalStateException("did not compile: " + compiled.diagnostics());
            }
            Files.writeString(Path.of(args[2]), compiled.js());
        }
    }
}
