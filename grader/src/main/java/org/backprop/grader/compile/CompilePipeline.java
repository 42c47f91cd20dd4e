package org.backprop.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backprop.grader.io.TempFolders;
import org.backprop.grader.policy.BytecodePolicy;

/**
 * One compile from sources to JavaScript: javac against {@code nn}, the bytecode policy check, then a generated
 * launcher against the web runtime, then TeaVM.
 *
 * <p>Student code is hostile, and javac and TeaVM can be made to spend unbounded memory and time on it, so this runs
 * only inside a compile worker process ({@code compile.worker.CompileWorkerMain}), never in the server's JVM. It keeps
 * TeaVM's parsed class library between compiles, which is most of what makes a warm compile fast. Thread-safe.
 */
public final class CompilePipeline {
    private final JavaSourceCompiler javac = new JavaSourceCompiler();
    private final BytecodePolicy policy = new BytecodePolicy();
    private final TeaVmTranslator teavm = new TeaVmTranslator();
    private final Path workRoot;

    /** @param workRoot where each compile makes, and then deletes, its class and script folders */
    public CompilePipeline(Path workRoot) {
        this.workRoot = workRoot;
    }

    /** Returns the compiled program or the diagnostics that explain why there is none. */
    public CompileResult compile(SourceBundle sources) {
        Path workDir = null;
        try {
            Files.createDirectories(workRoot);
            workDir = Files.createTempDirectory(workRoot, "compile-");
            Path classes = Files.createDirectory(workDir.resolve("classes"));

            JavaSourceCompiler.Outcome student = javac.compile(sources.sortedFiles(), CompileClasspath.student(), classes);
            if (!student.succeeded()) {
                return CompileResult.failure(withAnError(student.diagnostics()));
            }
            List<Diagnostic> refused = policy.check(classes, sources.files().keySet());
            if (!refused.isEmpty()) {
                List<Diagnostic> all = new ArrayList<>(student.diagnostics());
                all.addAll(refused);
                return CompileResult.failure(all);
            }
            List<Diagnostic> diagnostics = new ArrayList<>(student.diagnostics());

            List<Path> launcherClasspath = new ArrayList<>(CompileClasspath.launcher());
            launcherClasspath.add(0, classes);
            JavaSourceCompiler.Outcome launcher =
                    javac.compile(Launcher.source(sources.mainClass()), launcherClasspath, classes);
            if (!launcher.succeeded()) {
                diagnostics.add(missingMain(sources, classes));
                return CompileResult.failure(diagnostics);
            }

            TeaVmTranslator.Outcome translated =
                    teavm.translate(classes, Launcher.CLASS_NAME, Files.createDirectory(workDir.resolve("js")));
            diagnostics.addAll(translated.diagnostics());
            return translated.js() == null ? CompileResult.failure(diagnostics)
                    : CompileResult.success(translated.js(), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.deleteQuietly(workDir);
        }
    }

    /**
     * Returns an assignment's hidden tests compiled with the student's program into one JavaScript program whose
     * main runs each test ({@link TestRunner}), or the diagnostics that explain why there is none: the student's
     * own (javac, the policy), a student class named like a hidden test class or the runner, or the hidden tests
     * not compiling against the student's classes; never a line of the hidden sources ({@link HiddenTestDiagnostics}).
     * The student's classes are compiled against {@code nn} only, as always; the tests against {@code nn} first and
     * then the student's classes, so that nothing of the student's stands in for the library.
     */
    public CompileResult compileTests(SourceBundle sources, HiddenTests tests) {
        Path workDir = null;
        try {
            Files.createDirectories(workRoot);
            workDir = Files.createTempDirectory(workRoot, "tests-");
            Path classes = Files.createDirectory(workDir.resolve("classes"));

            JavaSourceCompiler.Outcome student =
                    javac.compile(sources.sortedFiles(), CompileClasspath.student(), classes);
            if (!student.succeeded()) {
                return CompileResult.failure(withAnError(student.diagnostics()));
            }
            List<Diagnostic> refused = policy.check(classes, sources.files().keySet());
            if (!refused.isEmpty()) {
                return CompileResult.failure(refused);
            }
            List<Path> testClasspath = new ArrayList<>(CompileClasspath.student());
            testClasspath.add(classes);
            Path testClasses = Files.createDirectory(workDir.resolve("tests"));
            JavaSourceCompiler.Outcome compiledTests = javac.compile(tests.files(), testClasspath, testClasses);
            Diagnostic clash = HiddenTestDiagnostics.clash(classes, testClasses);
            if (clash != null) {
                return CompileResult.failure(List.of(clash));
            }
            if (!compiledTests.succeeded()) {
                return CompileResult.failure(HiddenTestDiagnostics.notCompiled(compiledTests.diagnostics(), tests));
            }
            HiddenTestDiagnostics.copyClasses(testClasses, classes);
            Set<String> allFiles = new HashSet<>(sources.files().keySet());
            allFiles.addAll(tests.files().keySet());
            List<Diagnostic> testsRefused = policy.check(classes, allFiles);
            if (!testsRefused.isEmpty()) {
                return CompileResult.failure(HiddenTestDiagnostics.setUpWrongly("they use what programs may not use",
                        testsRefused, tests));
            }

            List<Path> runnerClasspath = new ArrayList<>(CompileClasspath.launcher());
            runnerClasspath.add(classes);
            JavaSourceCompiler.Outcome runner = javac.compile(TestRunner.source(tests), runnerClasspath, classes);
            if (!runner.succeeded()) {
                return CompileResult.failure(HiddenTestDiagnostics.setUpWrongly("their test methods cannot be called",
                        runner.diagnostics(), tests));
            }
            TeaVmTranslator.Outcome translated =
                    teavm.translate(classes, TestRunner.CLASS_NAME, Files.createDirectory(workDir.resolve("js")));
            List<Diagnostic> diagnostics = new ArrayList<>(student.diagnostics());
            diagnostics.addAll(HiddenTestDiagnostics.withoutHiddenSources(translated.diagnostics(), tests));
            return translated.js() == null ? CompileResult.failure(diagnostics)
                    : CompileResult.success(translated.js(), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.deleteQuietly(workDir);
        }
    }

    /**
     * Returns {@code diagnostics} with an error that explains the failure when javac gave none: it swallows its own
     * stack overflow on very deeply nested code and just reports that it failed.
     */
    private static List<Diagnostic> withAnError(List<Diagnostic> diagnostics) {
        if (diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) {
            return diagnostics;
        }
        List<Diagnostic> explained = new ArrayList<>(diagnostics);
        explained.add(Diagnostic.error(null, "The Java compiler could not finish your program: an expression or a"
                + " chain of calls is probably nested too deeply. Split it into smaller steps."));
        return explained;
    }

    private static Diagnostic missingMain(SourceBundle sources, Path classes) {
        String mainClass = sources.mainClass();
        String expectedFile = mainClass.replace('.', '/') + ".java";
        String file = sources.files().containsKey(expectedFile) ? expectedFile : null;
        if (!Files.exists(classes.resolve(mainClass.replace('.', '/') + ".class"))) {
            return Diagnostic.error(file, "There is no class " + mainClass
                    + " in your files: check the class name and its package declaration.");
        }
        return Diagnostic.error(file, "The class " + mainClass
                + " has no method \"public static void main(String[] args)\" to start the program with.");
    }
}
