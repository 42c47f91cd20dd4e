package org.backprop.grader.compile.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile workers the service starts run in the sandbox's jail: as the unprivileged sandbox user (the tests run
 * as root on the build machines), in a network namespace of their own, and they still compile.
 */
class JailedWorkerLauncherTest {
    @TempDir
    Path work;

    /**
     * Workers are started from whichever thread needs one (the pool's cached threads, retired after a minute idle):
     * the jail's die-with-parent must follow the server, not the thread that happened to start it.
     */
    @Test
    void aWorkerOutlivesTheThreadThatStartedIt() throws Exception {
        WorkerLauncher launcher = JailedWorkerLauncher.forThisMachine(SandboxConfig.DEFAULT_SANDBOX_UID);
        Path scratch = Files.createDirectory(work.resolve("scratch"));
        Process[] started = new Process[1];
        Thread shortLived = new Thread(() -> {
            try {
                started[0] = launcher.start(WorkerCommand.forWorker(WorkerLimits.DEFAULT, scratch), scratch);
                // Lives on until bubblewrap has armed its parent-death signal, as a pool thread does; a thread that
                // ended at once would race it and let the test pass by luck.
                Thread.sleep(500);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        shortLived.start();
        shortLived.join();
        try {
            Thread.sleep(1000);
            assertTrue(started[0].isAlive(), "the worker died with the thread that started it (exit code "
                    + (started[0].isAlive() ? "-" : started[0].exitValue()) + ")");
        } finally {
            started[0].getOutputStream().close();
            started[0].destroyForcibly().waitFor();
        }
    }

    private static List<ProcessHandle> workers() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(CompileWorkerMain.class.getName()))
                .filter(p -> p.info().command().orElse("").endsWith("/java")).toList();
    }

    @Test
    void compileWorkersRunJailedAsTheSandboxUserWithoutTheHostsNetwork() throws Exception {
        try (CompileService service = new CompileService(work, 4, 1)) {
            CompileResult result = service.compile(new SourceBundle("Main", Map.of("Main.java",
                    "public class Main { public static void main(String[] a) { System.out.println(1); } }")));
            assertTrue(result.succeeded(), result.diagnostics()::toString);

            List<ProcessHandle> workers = workers();
            assertFalse(workers.isEmpty(), "no compile worker process found");
            String ourNetwork = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            for (ProcessHandle worker : workers) {
                Path proc = Path.of("/proc", Long.toString(worker.pid()));
                assertNotEquals(ourNetwork, Files.readSymbolicLink(proc.resolve("ns/net")).toString(),
                        "the compile worker shares the server's network");
                String uid = Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("Uid:"))
                        .findFirst().orElseThrow().split("\\s+")[1];
                if ("root".equals(System.getProperty("user.name"))) {
                    assertEquals(String.valueOf(SandboxConfig.DEFAULT_SANDBOX_UID), uid);
                }
            }
        }
    }
}
