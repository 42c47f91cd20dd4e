package org.backprop.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.backprop.grader.sandbox.SandboxConfig;

/** The sample program, its golden output, and a sandbox set up the way CI's machines allow. */
public final class GraderTestSupport {
    /** What the house-price sample prints, on every backend: the slide's numbers. */
    public static final String SAMPLE_OUTPUT = String.join("\n",
            "predictions without bias: [[5.3000], [6.2000], [6.8000]]",
            "w = [0.1000, 0.3000, 3.0000], bias 0.5: MAE 1.000",
            "w = [0.1000, 0.3000, 4.0000], bias 0.5: MAE 0.567",
            "w = [0.1000, 0.2000, 2.0000], bias 0.5: MAE 1.767") + "\n";

    private GraderTestSupport() {
    }

    /** Returns the sample program the editor opens with, as the web module ships it. */
    public static String sampleProgram() {
        try (InputStream in = GraderTestSupport.class.getResourceAsStream("/META-INF/resources/samples/Main.java")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a sandbox on the repository's node_modules and, as set by the build, SwiftShader's Vulkan. */
    public static SandboxConfig sandboxConfig(Path workRoot) {
        String icd = System.getProperty("backprop.vulkanIcd");
        return new SandboxConfig("node", Path.of(System.getProperty("backprop.nodeModules")),
                icd == null || icd.isBlank() ? Optional.empty() : Optional.of(Path.of(icd)), workRoot);
    }
}
