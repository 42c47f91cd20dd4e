package org.backprop.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.backprop.grader.io.TempFolders;

/**
 * Runs compiled JavaScript in a separate Node process with Dawn's WebGPU, under a wall-time, output and
 * heap limit. The process starts in an empty scratch folder with an environment that holds nothing of the
 * server's (no credentials), and it is killed with all its children when a limit is hit.
 *
 * <p>Thread-safe: every run has its own process and scratch folder.
 */
public final class NodeSandbox {
    private static final String RUNNER = "run-program.mjs";
    private static final String NOTICE_PREFIX = "[backprop] ";

    private final SandboxConfig config;
    private final NetworkIsolation network = NetworkIsolation.detect();

    public NodeSandbox(SandboxConfig config) {
        this.config = config;
    }

    /** Returns whether programs run cut off the network (a Linux network namespace). */
    public boolean isolatesNetwork() {
        return network.active();
    }

    /** Runs {@code js} (an ES module exporting {@code main}) and returns how it ended. */
    public RunResult run(String js, RunLimits limits) {
        Path scratch = null;
        try {
            Files.createDirectories(config.workRoot());
            scratch = Files.createTempDirectory(config.workRoot(), "run-");
            Path program = Files.writeString(scratch.resolve("program.mjs"), js, StandardCharsets.UTF_8);
            Path runner = scratch.resolve(RUNNER);
            try (InputStream source = NodeSandbox.class.getResourceAsStream(RUNNER)) {
                Files.copy(source, runner);
            }
            return runProcess(command(runner, program, limits), scratch, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a program was running", e);
        } finally {
            TempFolders.deleteQuietly(scratch);
        }
    }

    private List<String> command(Path runner, Path program, RunLimits limits) {
        requireNode();
        return network.wrap(List.of(config.nodeExecutable(), "--max-old-space-size=" + limits.maxHeapMegabytes(),
                runner.toString(), program.toString()));
    }

    // Behind unshare a missing Node would only show as exit code 127, which reads like the student's failure;
    // it is the server's, so it is found out before anything starts.
    private void requireNode() {
        String node = config.nodeExecutable();
        boolean found = node.contains("/") ? Files.isExecutable(Path.of(node))
                : java.util.Arrays.stream(String.valueOf(System.getenv("PATH")).split(java.io.File.pathSeparator))
                        .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, node)));
        if (!found) {
            throw new UncheckedIOException(new IOException("Cannot run " + node + ": no such executable"));
        }
    }

    private RunResult runProcess(List<String> command, Path scratch, RunLimits limits)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        environment.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        environment.put("HOME", scratch.toString());
        environment.put("XDG_RUNTIME_DIR", scratch.toString());
        environment.put("BACKPROP_NODE_MODULES", config.nodeModules().toString());
        config.vulkanIcd().ifPresent(icd -> environment.put("VK_ICD_FILENAMES", icd.toString()));

        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        AtomicBoolean outputExceeded = new AtomicBoolean();
        AtomicLong budget = new AtomicLong(limits.maxOutputBytes());
        Runnable stopForOutput = () -> {
            outputExceeded.set(true);
            killTree(process);
        };
        OutputCollector stdout = new OutputCollector("sandbox-stdout", process.getInputStream(), budget, stopForOutput);
        OutputCollector stderr = new OutputCollector("sandbox-stderr", process.getErrorStream(), budget, stopForOutput);

        boolean finished = process.waitFor(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            killTree(process);
            process.waitFor(5, TimeUnit.SECONDS);
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        String out = stdout.text();
        List<String> notices = new ArrayList<>();
        String err = splitNotices(stderr.text(), notices);
        Integer exitCode = finished ? process.exitValue() : null;

        if (!finished) {
            return new RunResult(RunResult.Status.TIMED_OUT, null, "Your program ran longer than the "
                    + limits.wallTime().toSeconds() + " s limit and was stopped.", out, err, notices, wallMillis);
        }
        if (outputExceeded.get()) {
            return new RunResult(RunResult.Status.OUTPUT_LIMIT, exitCode, "Your program printed more than "
                    + limits.maxOutputBytes() / 1024 + " KiB and was stopped. Print less, for example once per"
                    + " epoch.", out, err, notices, wallMillis);
        }
        if (err.contains("heap out of memory")) {
            return new RunResult(RunResult.Status.MEMORY_LIMIT, exitCode, "Your program needed more than "
                    + limits.maxHeapMegabytes() + " MiB of memory and was stopped.", out, err, notices, wallMillis);
        }
        if (exitCode != 0) {
            return new RunResult(RunResult.Status.FAILED, exitCode, "Your program stopped with an error (exit"
                    + " code " + exitCode + "); its error output says why.", out, err, notices, wallMillis);
        }
        return new RunResult(RunResult.Status.COMPLETED, 0, "Your program ran to the end.", out, err, notices,
                wallMillis);
    }

    private static String splitNotices(String stderr, List<String> notices) {
        StringBuilder rest = new StringBuilder();
        for (String line : stderr.split("\n", -1)) {
            if (line.startsWith(NOTICE_PREFIX)) {
                notices.add(line.substring(NOTICE_PREFIX.length()));
            } else if (!line.isEmpty()) {
                rest.append(line).append('\n');
            }
        }
        return rest.toString();
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
