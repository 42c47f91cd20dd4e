package org.backprop.grader.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.SourceBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs written to escape the compile stage: stand-ins for the platform's own classes and annotations (which
 * TeaVM would honour while it compiles), native methods, constructors that open files, reflection through method
 * handles. Each is refused with a message a student can read, and nothing it tried happens.
 */
class HostileSourcesTest {
    @TempDir
    static Path work;
    static CompileService service;
    /** The file an attack's static initialiser would create if it ever ran in this JVM. */
    static Path marker;

    @BeforeAll
    static void createService() {
        service = new CompileService(work.resolve("compile"), 16, 1);
        marker = work.resolve("pwned");
    }

    private static CompileResult compile(Map<String, String> files) {
        return service.compile(new SourceBundle("Main", files));
    }

    private static String errors(CompileResult result) {
        assertFalse(result.succeeded(), "the program must be refused");
        return result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .map(Diagnostic::message).reduce("", (a, b) -> a + b + "\n");
    }

    private static String evil(String className) {
        return "public class " + className + " { static { try { java.nio.file.Files.writeString("
                + "java.nio.file.Path.of(\"" + marker + "\"), \"x\"); } catch (Exception e) { } } }";
    }

    @Test
    void refusesAStandInForTeaVmsGeneratorAnnotationAndNeverRunsItsClass() {
        CompileResult result = compile(Map.of(
                "org/teavm/backend/javascript/spi/GeneratedBy.java", "package org.teavm.backend.javascript.spi;\n"
                        + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                        + "public @interface GeneratedBy { Class<?> value(); }",
                "Evil.java", evil("Evil"),
                "Main.java", "public class Main {\n"
                        + "  @org.teavm.backend.javascript.spi.GeneratedBy(Evil.class) static native void run();\n"
                        + "  public static void main(String[] a) { run(); } }"));
        String errors = errors(result);
        assertTrue(errors.contains("Your class org.teavm.backend.javascript.spi.GeneratedBy may not be declared in the"
                + " package org.teavm.backend.javascript.spi: packages under org.teavm belong to the platform."), errors);
        assertTrue(errors.contains("may not use the annotation @org.teavm.backend.javascript.spi.GeneratedBy"), errors);
        assertTrue(errors.contains("may not declare native methods (run in Main)"), errors);
        assertFalse(Files.exists(marker), "the student's class ran on the server");
    }

    @Test
    void refusesAStandInForPluggableDependency() {
        CompileResult result = compile(Map.of(
                "org/teavm/interop/PluggableDependency.java", "package org.teavm.interop;\n"
                        + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                        + "public @interface PluggableDependency { Class<?> value(); }",
                "Evil.java", evil("Evil"),
                "Main.java", "public class Main {\n"
                        + "  @org.teavm.interop.PluggableDependency(Evil.class) static void run() { }\n"
                        + "  public static void main(String[] a) { run(); } }"));
        assertTrue(errors(result).contains("may not use the annotation @org.teavm.interop.PluggableDependency"),
                result.diagnostics()::toString);
        assertFalse(Files.exists(marker));
    }

    @Test
    void refusesAStudentWrittenJsBodyAndJsoStandIns() {
        CompileResult result = compile(Map.of(
                "org/teavm/jso/JSBody.java", "package org.teavm.jso;\n"
                        + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)\n"
                        + "public @interface JSBody { String[] params() default {}; String script(); }",
                "org/teavm/jso/JSObject.java", "package org.teavm.jso;\npublic interface JSObject { }",
                "Main.java", "public class Main {\n"
                        + "  @org.teavm.jso.JSBody(script = \"require('child_process').execSync('id')\")\n"
                        + "  static native void shell();\n"
                        + "  public static void main(String[] a) { shell(); } }"));
        String errors = errors(result);
        assertTrue(errors.contains("Your class org.teavm.jso.JSBody may not be declared in the package org.teavm.jso"),
                errors);
        assertTrue(errors.contains("Your class org.teavm.jso.JSObject may not be declared"), errors);
        assertTrue(errors.contains("may not use the annotation @org.teavm.jso.JSBody"), errors);
    }

    @Test
    void refusesClassesInThePlatformsPackagesAndWithItsClassNames() {
        String errors = errors(compile(Map.of(
                "org/backprop/nn/Cheat.java", "package org.backprop.nn;\npublic class Cheat { }",
                "org/objectweb/asm/ClassVisitor.java", "package org.objectweb.asm;\npublic class ClassVisitor { }",
                "BackpropLauncher$.java", "public class BackpropLauncher$ { }",
                "Main.java", "public class Main { public static void main(String[] a) {"
                        + " new org.backprop.nn.Cheat(); new org.objectweb.asm.ClassVisitor(); } }")));
        assertTrue(errors.contains("Your class org.backprop.nn.Cheat may not be declared in the package"
                + " org.backprop.nn"), errors);
        assertTrue(errors.contains("Your class org.objectweb.asm.ClassVisitor has the name of a class of the platform:"
                + " rename it."), errors);
        assertTrue(errors.contains("Your class BackpropLauncher$ has the name of a class of the platform"), errors);
    }

    @Test
    void refusesTheLibrarysBackendOnlyMembers() {
        String errors = errors(compile(Map.of("Main.java", String.join("\n",
                "import org.backprop.nn.Tensor;",
                "import org.backprop.nn.internal.TensorInternals;",
                "public class Main { public static void main(String[] a) {",
                "  Tensor t = Tensor.of(new float[] {1, 2});",
                "  TensorInternals.values(t)[0] = 42;",
                "} }"))));
        assertEquals("Programs on Backprop may not use org.backprop.nn.internal.TensorInternals: it belongs to the"
                + " library's backends, not to programs.\n", errors);
    }

    @Test
    void refusesAnnotationTypesAndAnnotationsOutsideTheLanguagesOwn() {
        String errors = errors(compile(Map.of("Main.java", String.join("\n",
                "import java.lang.annotation.*;",
                "@Retention(RetentionPolicy.RUNTIME) @interface Marker { }",
                "public class Main {",
                "  @Marker @Deprecated static int field;",
                "  @SafeVarargs static <T> void many(T... items) { }",
                "  @FunctionalInterface interface Step { void run(); }",
                "  @Override public String toString() { return \"\"; }",
                "  @SuppressWarnings(\"unused\") public static void main(String[] a) { many(1, 2); } }"))));
        assertTrue(errors.contains("Programs on Backprop may not declare annotation types (@interface Marker)"), errors);
        assertTrue(errors.contains("may not use the annotation @Marker: only @Override, @FunctionalInterface,"
                + " @SafeVarargs, @SuppressWarnings and @Deprecated are allowed."), errors);
        assertTrue(errors.contains("may not use the annotation @java.lang.annotation.Retention"), errors);
        assertFalse(errors.contains("@Deprecated:") || errors.contains("@java.lang.SafeVarargs")
                || errors.contains("@java.lang.FunctionalInterface"), errors);
    }

    @Test
    void refusesConstructorsThatCreateFiles() {
        String errors = errors(compile(Map.of("Main.java", String.join("\n",
                "public class Main { public static void main(String[] a) throws Exception {",
                "  new java.io.PrintStream(\"/tmp/out.txt\").println(1);",
                "  new java.io.PrintWriter(\"/tmp/out.txt\", \"UTF-8\").println(2);",
                "  new java.util.Formatter(\"/tmp/out.txt\").format(\"%d\", 3);",
                "  new java.io.PrintStream(new java.io.ByteArrayOutputStream()).println(4);",
                "} }"))));
        assertEquals(String.join("\n",
                "Programs on Backprop may not use new java.io.PrintStream(String, ...): programs have no file system;"
                        + " load data through org.backprop.nn.data.",
                "Programs on Backprop may not use new java.io.PrintWriter(String, ...): programs have no file system;"
                        + " load data through org.backprop.nn.data.",
                "Programs on Backprop may not use new java.util.Formatter(String, ...): programs have no file system;"
                        + " load data through org.backprop.nn.data.") + "\n", errors);
    }

    @Test
    void refusesMethodHandlesAndClassesOffTheList() {
        String errors = errors(compile(Map.of("Main.java", String.join("\n",
                "public class Main { public static void main(String[] a) throws Throwable {",
                "  java.lang.invoke.MethodHandles.lookup().findStatic(System.class, \"exit\",",
                "      java.lang.invoke.MethodType.methodType(void.class, int.class)).invoke(0);",
                "  java.util.ResourceBundle.getBundle(\"x\");",
                "  java.awt.Toolkit.getDefaultToolkit();",
                "} }"))));
        assertTrue(errors.contains("java.lang.invoke.MethodHandles: reflection and class loading are not available"),
                errors);
        assertTrue(errors.contains("java.util.ResourceBundle: reflection and class loading"), errors);
        assertTrue(errors.contains("java.awt.Toolkit: it is not on the list of classes programs may use"), errors);
    }
}
