package org.backprop.grader.compile.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.backprop.grader.GraderTestSupport;
import org.backprop.grader.compile.CompilePipeline;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.CompileUnavailableException;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.SourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Programs that attack the compiler are stopped in their worker process, and the pool carries on. */
class CompileWorkerPoolTest {
    private static final String SIMPLIFY = " Very large constant expressions or deeply nested generic calls can cause"
            + " this; simplify them.";
    private static final AtomicInteger PROGRAMS = new AtomicInteger();

    @TempDir
    static Path work;
    static CompileService service;

    @BeforeAll
    static void createService() {
        service = new CompileService(work.resolve("default"), 16, 1);
    }

    @AfterAll
    static void closeService() {
        service.close();
    }

    /** Returns a program that compiles in moments, different on every call so that the cache never answers. */
    private static SourceBundle hello() {
        return new SourceBundle("Main", Map.of("Main.java", "public class Main { public static void main(String[] a) {"
                + " System.out.println(" + PROGRAMS.incrementAndGet() + "); } }"));
    }

    /** Returns 30 levels of constants, each four of the one before: javac folds them into a 4^30-character string. */
    private static SourceBundle constantBomb() {
        StringBuilder source = new StringBuilder("public class Main {\n  static final String A0 = \"x\";\n");
        for (int i = 1; i <= 30; i++) {
            source.append("  static final String A").append(i).append(" = A").append(i - 1).append(" + A")
                    .append(i - 1).append(" + A").append(i - 1).append(" + A").append(i - 1).append(";\n");
        }
        source.append("  public static void main(String[] a) { System.out.println(A30.length()); }\n}\n");
        return new SourceBundle("Main", Map.of("Main.java", source.toString()));
    }

    /**
     * Returns nested conditionals around calls of an overloaded generic method: javac's overload resolution revisits
     * every level for every candidate, so each level multiplies its time (ten levels: over 30 s) in little memory.
     */
    private static SourceBundle inferenceBomb() {
        String expression = "1";
        for (int i = 0; i < 10; i++) {
            expression = "f(b ? f(" + expression + ") : null)";
        }
        return new SourceBundle("Main", Map.of("Main.java", "import java.util.List;\npublic class Main {\n"
                + "  static boolean b;\n  static <T> T f(T t) { return t; }\n"
                + "  static <T> List<T> f(List<T> t) { return t; }\n"
                + "  public static void main(String[] a) { Object o = " + expression + "; }\n}\n"));
    }

    private static Diagnostic onlyDiagnostic(CompileResult result) {
        assertFalse(result.succeeded());
        assertEquals(1, result.diagnostics().size(), result.diagnostics()::toString);
        return result.diagnostics().get(0);
    }

    /** Returns the worker processes of the pool whose scratch folders are under {@code workRoot}. */
    private static List<ProcessHandle> workersUnder(Path workRoot) {
        String scratchOption = "-Djava.io.tmpdir=" + workRoot + "/";
        // Jailed workers are grandchildren (behind bubblewrap): the JVM is the process with the option.
        return ProcessHandle.current().descendants()
                .filter(child -> child.info().command().orElse("").endsWith("/java"))
                .filter(child -> List.of(child.info().arguments().orElse(new String[0])).stream()
                        .anyMatch(argument -> argument.startsWith(scratchOption)))
                .toList();
    }

    @Test
    void stopsAConstantExpressionBombAtTheHeapLimitAndCompilesTheNextProgram() {
        long started = System.nanoTime();
        CompileResult bombed = service.compile(constantBomb());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(Diagnostic.error(null, "Compiling your program needed more than 768 MiB of memory and was stopped."
                + SIMPLIFY), onlyDiagnostic(bombed));
        assertTrue(took.compareTo(WorkerLimits.DEFAULT.wallTime()) < 0, () -> "took " + took);
        assertFalse(service.isCached(constantBomb()), "a stopped compile depends on the moment and is not cached");
        CompileResult next = service.compile(hello());
        assertTrue(next.succeeded(), () -> "expected success, got " + next.diagnostics());
    }

    @Test
    void theBombFillsTheWorkersHeapNotThisJvms() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();

        CompileResult bombed = service.compile(constantBomb());

        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        assertTrue(onlyDiagnostic(bombed).message().contains("768 MiB"), bombed::toString);
        assertTrue(peak - before < 64L * 1024 * 1024, () -> "this JVM's heap grew by "
                + (peak - before) / (1024 * 1024) + " MiB while the bomb compiled");
    }

    @Test
    void stopsACompileOverTheWallTimeAndCarriesOn() {
        WorkerLimits limits = new WorkerLimits(768, Duration.ofSeconds(2), Duration.ofSeconds(60));
        try (CompileService limited = new CompileService(new CompileWorkerPool(work.resolve("wall"), 1, limits,
                new PlainWorkerLauncher()), 16)) {
            assertTrue(limited.compile(hello()).succeeded(), "the worker starts and compiles");
            long started = System.nanoTime();
            CompileResult stopped = limited.compile(inferenceBomb());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertEquals(Diagnostic.error(null, "Compiling your program took longer than 2 s and was stopped."
                    + SIMPLIFY), onlyDiagnostic(stopped));
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, () -> "took " + took);
            assertTrue(limited.compile(hello()).succeeded(), "a fresh worker took over");
        }
    }

    @Test
    void stopsACompileOverTheProcessorTimeAndCarriesOn() {
        WorkerLimits limits = new WorkerLimits(768, Duration.ofSeconds(60), Duration.ofSeconds(2));
        try (CompileService limited = new CompileService(new CompileWorkerPool(work.resolve("cpu"), 1, limits,
                new PlainWorkerLauncher()), 16)) {
            assertTrue(limited.compile(hello()).succeeded(), "the worker starts and compiles");
            CompileResult stopped = limited.compile(inferenceBomb());

            assertEquals(Diagnostic.error(null, "Compiling your program used more than 2 s of processor time and was"
                    + " stopped." + SIMPLIFY), onlyDiagnostic(stopped));
            assertTrue(limited.compile(hello()).succeeded(), "a fresh worker took over");
        }
    }

    @Test
    void replacesAWorkerKilledWhileIdle() {
        Path workRoot = work.resolve("killed");
        try (CompileService killed = new CompileService(workRoot, 16, 1)) {
            assertTrue(killed.compile(hello()).succeeded());
            List<ProcessHandle> workers = workersUnder(workRoot);
            assertEquals(1, workers.size(), workers::toString);
            ProcessHandle first = workers.get(0);
            first.destroyForcibly();
            first.onExit().join();

            CompileResult afterwards = killed.compile(hello());
            assertTrue(afterwards.succeeded(), () -> "expected success, got " + afterwards.diagnostics());
            List<ProcessHandle> now = workersUnder(workRoot);
            assertEquals(1, now.size(), now::toString);
            assertNotEquals(first.pid(), now.get(0).pid());
        }
    }

    @Test
    void answersUnavailableWhenNoWorkerCanStartInsteadOfWaiting() {
        WorkerLauncher broken = (command, scratch) -> new ProcessBuilder(command.get(0), "-version").start();
        try (CompileService unstartable = new CompileService(new CompileWorkerPool(work.resolve("broken"), 1,
                WorkerLimits.DEFAULT, broken), 16)) {
            CompileUnavailableException refused = assertThrows(CompileUnavailableException.class,
                    () -> unstartable.compile(hello()));
            assertEquals("The server could not start a compiler. Try again in half a minute; if it keeps happening,"
                    + " tell your course staff.", refused.getMessage());
        }
    }

    @Test
    void theWorkerTranslatesExactlyWhatThePipelineDoesInProcess(@TempDir Path inProcess) {
        SourceBundle sample = new SourceBundle("Main", Map.of("Main.java", GraderTestSupport.sampleProgram()
                + "// compared with the pipeline run in this JVM\n"));
        CompileResult expected = new CompilePipeline(inProcess).compile(sample);
        assertTrue(expected.succeeded(), () -> "expected success, got " + expected.diagnostics());
        assertEquals(expected, service.compile(sample));
    }

    @Test
    void leavesNothingInTheScratchFolderAfterACompile() throws Exception {
        Path workRoot = work.resolve("scratch");
        try (CompileService tidy = new CompileService(workRoot, 16, 1)) {
            assertTrue(tidy.compile(hello()).succeeded());
            try (var scratches = Files.list(workRoot)) {
                Path scratch = scratches.findFirst().orElseThrow();
                try (var left = Files.list(scratch)) {
                    assertEquals(List.of(), left.toList());
                }
            }
        }
        try (var scratches = Files.list(workRoot)) {
            assertEquals(List.of(), scratches.toList(), "closing the pool removes the workers' scratch folders");
        }
    }
}
