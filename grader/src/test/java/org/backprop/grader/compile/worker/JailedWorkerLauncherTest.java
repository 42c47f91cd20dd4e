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

    @Test
    void compileWorkersRunJailedAsTheSandboxUserWithoutTheHostsNetwork() throws Exception {
        try (CompileService service = new CompileService(work, 4, 1)) {
            CompileResult result = service.compile(new SourceBundle("Main", Map.of("Main.java",
                    "public class Main { public static void main(String[] a) { System.out.println(1); } }")));
            assertTrue(result.succeeded(), result.diagnostics()::toString);

            List<ProcessHandle> workers = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(CompileWorkerMain.class.getName()))
                    .filter(p -> p.info().command().orElse("").endsWith("/java")).toList();
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
