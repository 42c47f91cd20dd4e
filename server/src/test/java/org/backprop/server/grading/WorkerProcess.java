package org.backprop.server.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone grading worker ({@code org.backprop.worker.WorkerMain}) as an OS process of its own, started with the
 * worker's own class path (the server's tests depend on the worker module, so the reactor builds it first), the
 * sandbox settings the server's tests use, and a folder of its own for shard cache, runs and compiles. Its output
 * goes to {@code worker.log} in that folder.
 */
public final class WorkerProcess implements AutoCloseable {
    private final Process process;
    private final Path folder;

    private WorkerProcess(Process process, Path folder) {
        this.process = process;
        this.folder = folder;
    }

    /** Starts a worker called {@code name} with {@code token} against {@code serverUrl}, one job at a time. */
    public static WorkerProcess start(String name, String serverUrl, String token, Map<String, String> settings) {
        try {
            Path folder = Files.createTempDirectory("backprop-worker-" + name + "-");
            // The sandbox's user reads shards and run folders below it.
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classPath(),
                    "org.backprop.worker.WorkerMain"))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("worker.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("BACKPROP_SERVER_URL", serverUrl);
            env.put("BACKPROP_WORKER_TOKEN", token);
            env.put("BACKPROP_WORKER_NAME", name);
            env.put("BACKPROP_WORKER_SLOTS", "1");
            env.put("BACKPROP_WORKER_POLL", "200ms");
            env.put("BACKPROP_WORKER_CACHE", folder.resolve("cache").toString());
            env.put("BACKPROP_GRADING_SANDBOX_NODE_MODULES", Path.of(System.getProperty("backprop.repository-root"),
                    "node_modules").toString());
            env.put("BACKPROP_GRADING_SANDBOX_VULKAN_ICD", "/usr/lib/chromium/vk_swiftshader_icd.json");
            env.put("BACKPROP_GRADING_SANDBOX_WORK_DIR", folder.resolve("runs").toString());
            env.put("BACKPROP_COMPILE_WORK_DIR", folder.resolve("compile").toString());
            env.putAll(settings);
            return new WorkerProcess(builder.start(), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the worker's own class path as the reactor built it: its classes and what {@code worker/pom.xml} wrote
     * to {@code target/classpath.txt}. Not this JVM's: the server's libraries (its log manager among them) would
     * change how the worker behaves.
     */
    private static String classPath() throws IOException {
        Path worker = Path.of(System.getProperty("backprop.repository-root"), "worker", "target");
        return worker.resolve("classes") + File.pathSeparator
                + Files.readString(worker.resolve("classpath.txt")).strip();
    }

    /** Returns the shard cache folder. */
    public Path cache() {
        return folder.resolve("cache");
    }

    /** Returns what the worker printed so far. */
    public String output() {
        try {
            return Files.readString(folder.resolve("worker.log"));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Sends SIGTERM, as Kubernetes does to stop a pod. */
    public void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL: the worker dies mid-job without a word. */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the worker to exit; returns its exit status, or fails with its output when it does not. */
    public int awaitExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The worker still runs after " + patience + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
