package org.backprop.web.gpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.teavm.backend.javascript.JSModuleType;
import org.teavm.tooling.ConsoleTeaVMToolLog;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Translates a test program (a class with {@code main} in the test sources) with TeaVM and runs it on real
 * WebGPU: Node + Dawn, or headless Chromium, both on SwiftShader here. Programs print one JSON object per
 * line and end with {@code {"done": n}}.
 */
final class GpuTestPrograms {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RUNNERS = Path.of("src/test/gpu");

    /** Where a program runs: Node with Dawn, Node with no WebGPU or no adapter, or headless Chromium. */
    enum Engine { NODE_DAWN, NODE_WITHOUT_WEBGPU, NODE_WITHOUT_ADAPTER, CHROMIUM }

    /** What a program printed: its JSON lines, and all of its standard output (notices included). */
    record Output(List<JsonNode> lines, String text) {
    }

    private GpuTestPrograms() {
    }

    /**
     * Translates the program {@code args[0]} (a class name) into {@code args[1]}/program.js, for scripts that
     * run programs themselves ({@code bench/webgpu-training.mjs}); the test classpath must be on the class path.
     */
    public static void main(String[] args) throws ClassNotFoundException {
        System.out.println(translate(Class.forName(args[0]), Path.of(args[1])));
    }

    /** Returns the JavaScript module TeaVM makes of {@code mainClass}, written under {@code work}. */
    static Path translate(Class<?> mainClass, Path work) {
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.JAVASCRIPT);
        tool.setJsModuleType(JSModuleType.ES2015);
        tool.setMainClass(mainClass.getName());
        tool.setClassLoader(GpuTestPrograms.class.getClassLoader());
        tool.setTargetDirectory(work.toFile());
        tool.setTargetFileName("program.js");
        tool.setObfuscated(true);
        tool.setOptimizationLevel(TeaVMOptimizationLevel.SIMPLE);
        tool.setLog(new ConsoleTeaVMToolLog(false));
        try {
            tool.generate();
        } catch (TeaVMToolException e) {
            throw new IllegalStateException(e);
        }
        if (!tool.getProblemProvider().getSevereProblems().isEmpty()) {
            throw new IllegalStateException("TeaVM could not translate " + mainClass.getName() + ": "
                    + tool.getProblemProvider().getSevereProblems().size() + " problems (see the log above)");
        }
        return work.resolve("program.js");
    }

    /** Runs {@code program} on {@code engine} with {@code args} for its main and returns the JSON lines it printed. */
    static List<JsonNode> run(Path program, Engine engine, long timeoutSeconds, String... args) {
        return output(program, engine, timeoutSeconds, args).lines();
    }

    /** Runs {@code program} on {@code engine} with {@code args} for its main and returns what it printed. */
    static Output output(Path program, Engine engine, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add("node");
        if (engine == Engine.CHROMIUM) {
            command.add(RUNNERS.resolve("run-chromium.mjs").toString());
            command.add(program.toString());
            command.add(String.valueOf(timeoutSeconds * 1000));
        } else {
            command.add(RUNNERS.resolve("run-node.mjs").toString());
            command.add(program.toString());
            command.add(engine == Engine.NODE_DAWN ? System.getProperty("backprop.nodeModules")
                    : engine == Engine.NODE_WITHOUT_WEBGPU ? "none" : "no-adapter");
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().put("NODE_PATH", System.getProperty("backprop.nodeModules"));
        String icd = System.getProperty("backprop.vulkanIcd");
        if (icd != null && !icd.isBlank() && Files.exists(Path.of(icd))) {
            builder.environment().put("VK_ICD_FILENAMES", icd);
        }
        try {
            Path output = Files.createTempFile("gpu-program", ".out");
            Path errors = Files.createTempFile("gpu-program", ".err");
            Process process = builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(engine + " run timed out after " + timeoutSeconds + " s; stderr:\n"
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            List<JsonNode> lines = new ArrayList<>();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.startsWith("{")) {
                    lines.add(JSON.readTree(line));
                }
            }
            if (process.exitValue() != 0 || lines.isEmpty()) {
                throw new IllegalStateException(engine + " run failed (exit " + process.exitValue() + "); stdout:\n"
                        + text + "\nstderr:\n" + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return new Output(lines, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
