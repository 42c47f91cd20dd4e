package org.backprop.grader.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.SourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy check inside the real compile: javac's classes are refused or passed on to TeaVM. */
class BytecodePolicyTest {
    @TempDir
    static Path work;
    static CompileService service;

    @BeforeAll
    static void createService() {
        service = new CompileService(work, 16, 1);
    }

    @AfterAll
    static void stopCompiler() {
        service.close();
    }

    private static CompileResult compileMain(String body) {
        String source = "public class Main {\n    public static void main(String[] args) throws Exception {\n"
                + body + "\n    }\n}\n";
        return service.compile(new SourceBundle("Main", Map.of("Main.java", source)));
    }

    private static Diagnostic onlyError(CompileResult result) {
        assertFalse(result.succeeded(), "the program must be refused");
        List<Diagnostic> errors = result.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    @Test
    void refusesThreadsAtTheLineThatStartsOne() {
        Diagnostic error = onlyError(compileMain("        System.out.println(\"start\");\n"
                + "        new Thread(() -> { }).start();"));
        assertEquals(new Diagnostic("Main.java", 4, null, Diagnostic.Severity.ERROR,
                "Programs on Backprop may not use java.lang.Thread: a program runs on a single thread in the"
                        + " browser and on the grading server."), error);
    }

    @Test
    void refusesReflectionThroughClassForName() {
        Diagnostic error = onlyError(compileMain("        Class.forName(\"java.lang.Runtime\");"));
        assertEquals("Programs on Backprop may not use java.lang.Class.forName: reflection and class loading are not"
                + " available once a program is compiled to JavaScript.", error.message());
        assertEquals(3, error.line());
    }

    @Test
    void refusesFilesNetworkAndExitingTheRuntime() {
        CompileResult result = compileMain("        java.io.File file = new java.io.File(\"/etc/passwd\");\n"
                + "        java.net.URI uri = java.net.URI.create(\"http://example.org\");\n"
                + "        System.exit(3);");
        String messages = result.diagnostics().toString();
        assertFalse(result.succeeded());
        assertTrue(messages.contains("java.io.File: programs have no file system"), messages);
        assertTrue(messages.contains("java.net.URI: programs have no network access"), messages);
        assertTrue(messages.contains("java.lang.System.exit: programs cannot start processes"), messages);
    }

    @Test
    void refusesExecutorsFromJavaUtilConcurrent() {
        CompileResult result = compileMain("        java.util.concurrent.Executors.newFixedThreadPool(4);");
        assertFalse(result.succeeded());
        Diagnostic error = result.diagnostics().get(0);
        assertTrue(error.message().startsWith("Programs on Backprop may not use java.util.concurrent.Executors"),
                error::message);
    }

    @Test
    void namesTheFileOfAClassInAPackage() {
        Map<String, String> files = Map.of(
                "Main.java", "public class Main { public static void main(String[] a) { model.Net.build(); } }",
                "model/Net.java", "package model;\npublic class Net {\n  public static void build() {\n"
                        + "    Runtime.getRuntime().gc();\n  }\n}\n");
        CompileResult result = service.compile(new SourceBundle("Main", files));
        Diagnostic error = onlyError(result);
        assertEquals("model/Net.java", error.file());
        assertEquals(4, error.line());
        assertTrue(error.message().contains("java.lang.Runtime"), error::message);
    }

    @Test
    void passesWhatOrdinaryProgramsUse() {
        CompileResult result = compileMain(String.join("\n",
                "        record Point(int x, int y) { }",
                "        java.util.List<Point> points = new java.util.ArrayList<>();",
                "        for (int i = 0; i < 3; i++) { points.add(new Point(i, i * i)); }",
                "        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();",
                "        points.stream().map(p -> \"p\" + p.x()).forEach(name -> counts.merge(name, 1, Integer::sum));",
                "        String kind = switch (points.size()) { case 3 -> \"three\"; default -> \"other\"; };",
                "        StringBuilder text = new StringBuilder(kind).append(Math.max(1, 2));",
                "        System.out.println(text + \" \" + counts + \" \" + String.format(\"%.2f\", 1.5));",
                "        org.backprop.nn.Tensor t = org.backprop.nn.Tensor.of(new float[] {1, 2});",
                "        System.out.println(t + \" \" + java.time.Duration.ofSeconds(3) + \" \" + new java.math.BigDecimal(\"1.5\"));",
                "        try { throw new java.io.IOException(\"x\"); } catch (java.io.IOException e) { System.err.println(e); }"));
        assertTrue(result.succeeded(), () -> "expected success, got " + result.diagnostics());
    }
}
