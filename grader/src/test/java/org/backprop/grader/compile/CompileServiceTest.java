package org.backprop.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backprop.grader.GraderTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileServiceTest {
    @TempDir
    static Path work;
    static CompileService service;

    @BeforeAll
    static void createService() {
        service = new CompileService(work, 16, 2);
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void compilesTheSampleToAnEsModuleThatExportsMain() {
        CompileResult result = service.compile(new SourceBundle("Main", Map.of("Main.java", GraderTestSupport.sampleProgram())));
        assertTrue(result.succeeded(), () -> "expected success, got " + result.diagnostics());
        assertTrue(result.js().contains("export"), "TeaVM's ES2015 output exports main");
        assertTrue(result.js().contains("@compute"), "the WebGPU kernels travel inside the program");
    }

    /** The pipeline shares parsed library classes between compiles; no compile may leave a mark on them. */
    @Test
    void translatesAProgramTheSameAfterOthersSharedTheLibraryClasses(@TempDir Path otherWork) {
        SourceBundle sample = new SourceBundle("Main", Map.of("Main.java", GraderTestSupport.sampleProgram()));
        SourceBundle xor = new SourceBundle("Main", Map.of("Main.java", "public class Main { public static void"
                + " main(String[] args) { org.backprop.nn.examples.Xor.main(args); } }"));
        CompilePipeline warmed = new CompilePipeline(otherWork.resolve("warm"));
        assertTrue(warmed.compile(xor).succeeded());
        String afterOthers = warmed.compile(sample).js();
        String fresh = new CompilePipeline(otherWork.resolve("fresh")).compile(sample).js();
        assertEquals(fresh, afterOthers);
    }

    @Test
    void reportsCompileErrorsWithFileLineAndColumn() {
        String source = "public class Main {\n    public static void main(String[] args) {\n"
                + "        int x = \"text\";\n    }\n}\n";
        CompileResult result = service.compile(new SourceBundle("Main", Map.of("Main.java", source)));
        assertFalse(result.succeeded());
        assertNull(result.js());
        Diagnostic error = result.diagnostics().get(0);
        assertEquals(new Diagnostic("Main.java", 3, 17, Diagnostic.Severity.ERROR,
                "incompatible types: java.lang.String cannot be converted to int"), error);
    }

    @Test
    void reportsErrorsInTheRightFileOfSeveral() {
        Map<String, String> files = Map.of(
                "Main.java", "public class Main { public static void main(String[] a) { model.Net.build(); } }",
                "model/Net.java", "package model;\npublic class Net {\n  public static void build() { undefined(); }\n}\n");
        CompileResult result = service.compile(new SourceBundle("Main", files));
        assertEquals(List.of(new Diagnostic("model/Net.java", 3, 32, Diagnostic.Severity.ERROR,
                "cannot find symbol\n  symbol:   method undefined()\n  location: class model.Net")),
                result.diagnostics());
    }

    @Test
    void explainsCodeNestedTooDeeplyForJavac() {
        String nested = "1" + " + (1".repeat(20_000) + ")".repeat(20_000);
        CompileResult result = service.compile(new SourceBundle("Main", Map.of("Main.java",
                "public class Main { public static void main(String[] a) { System.out.println(" + nested + "); } }")));
        assertFalse(result.succeeded());
        assertEquals(List.of(Diagnostic.error(null, "The Java compiler could not finish your program: an expression or"
                + " a chain of calls is probably nested too deeply. Split it into smaller steps.")), result.diagnostics());
    }

    @Test
    void explainsAMainClassWithoutMain() {
        CompileResult result = service.compile(new SourceBundle("Main", Map.of("Main.java", "public class Main {}")));
        assertEquals(List.of(Diagnostic.error("Main.java", "The class Main has no method"
                + " \"public static void main(String[] args)\" to start the program with.")), result.diagnostics());
    }

    @Test
    void explainsAMainClassThatDoesNotExist() {
        CompileResult result = service.compile(new SourceBundle("hw.Main", Map.of("Main.java",
                "public class Main { public static void main(String[] a) {} }")));
        assertEquals(List.of(Diagnostic.error(null, "There is no class hw.Main in your files: check the class"
                + " name and its package declaration.")), result.diagnostics());
    }

    @Test
    void keepsBrowserInteropAndTheRuntimeOutOfStudentReach() {
        String jsBody = "import org.teavm.jso.JSBody;\npublic class Main {\n"
                + "  @JSBody(script = \"return 1;\") static native int evil();\n"
                + "  public static void main(String[] a) { org.backprop.web.runtime.ProgramRuntime.run(null); }\n}\n";
        CompileResult result = service.compile(new SourceBundle("Main", Map.of("Main.java", jsBody)));
        assertFalse(result.succeeded());
        assertEquals(List.of("package org.teavm.jso does not exist", "cannot find symbol\n  symbol:   class JSBody\n  location: class Main",
                "package org.backprop.web.runtime does not exist"),
                result.diagnostics().stream().map(Diagnostic::message).toList());
    }

    @Test
    void servesTheSameSourcesFromTheCache() {
        SourceBundle sources = new SourceBundle("Main", Map.of("Main.java",
                "public class Main { public static void main(String[] a) { System.out.println(42); } }"));
        assertFalse(service.isCached(sources));
        CompileResult first = service.compile(sources);
        assertTrue(service.isCached(sources));
        assertSame(first, service.compile(new SourceBundle("Main", Map.of("Main.java",
                "public class Main { public static void main(String[] a) { System.out.println(42); } }"))));
    }
}
