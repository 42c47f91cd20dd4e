package org.backprop.grader.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The translator's own layer, below the policy: even a program that carried a stand-in for TeaVM's generator
 * annotation past the policy never gets its classes loaded in this JVM, because TeaVM's class loader sees only the
 * library and the student's classes are read as bytecode.
 */
class TeaVmTranslatorTest {
    @TempDir
    Path work;

    @Test
    void neverLoadsAClassThatAStudentsAnnotationNames() throws Exception {
        Path marker = work.resolve("pwned");
        Path classes = Files.createDirectory(work.resolve("classes"));
        JavaSourceCompiler.Outcome compiled = new JavaSourceCompiler().compile(Map.of(
                "org/teavm/backend/javascript/spi/GeneratedBy.java", "package org.teavm.backend.javascript.spi;\n"
                        + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                        + "public @interface GeneratedBy { Class<?> value(); }",
                "Evil.java", "public class Evil { static { try { java.nio.file.Files.writeString("
                        + "java.nio.file.Path.of(\"" + marker + "\"), \"x\"); } catch (Exception e) { } } }",
                "Main.java", "public class Main {\n"
                        + "  @org.teavm.backend.javascript.spi.GeneratedBy(Evil.class) static native void run();\n"
                        + "  public static void main(String[] a) { run(); } }"),
                List.of(), classes);
        assertTrue(compiled.succeeded(), compiled.diagnostics()::toString);

        TeaVmTranslator.Outcome outcome = new TeaVmTranslator().translate(classes, "Main",
                Files.createDirectory(work.resolve("js")));

        assertFalse(Files.exists(marker), "TeaVM ran the student's static initialiser in the compiling JVM");
        assertNull(outcome.js(), "a program whose generator cannot be found must not compile");
    }
}
