package org.backprop.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.teavm.backend.javascript.JSModuleType;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.diagnostics.ProblemSeverity;
import org.teavm.model.TextLocation;
import org.teavm.tooling.EmptyTeaVMToolLog;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.vm.TeaVMOptimizationLevel;

/** Translates compiled classes to one JavaScript ES module with TeaVM, in-process. */
final class TeaVmTranslator {
    private static final String OUTPUT_FILE = "program.js";

    /** The JavaScript, or the problems TeaVM found instead. */
    record Outcome(String js, List<Diagnostic> diagnostics) {
    }

    /**
     * Translates the program whose entry point is {@code mainClass} in {@code classesDir}. The library and
     * TeaVM's class library come from this class's own class loader.
     */
    Outcome translate(Path classesDir, String mainClass, Path outputDir) {
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {classesDir.toUri().toURL()},
                TeaVmTranslator.class.getClassLoader())) {
            TeaVMTool tool = new TeaVMTool();
            tool.setTargetType(TeaVMTargetType.JAVASCRIPT);
            tool.setJsModuleType(JSModuleType.ES2015);
            tool.setMainClass(mainClass);
            tool.setClassLoader(classLoader);
            tool.setTargetDirectory(outputDir.toFile());
            tool.setTargetFileName(OUTPUT_FILE);
            tool.setObfuscated(true);
            // SIMPLE keeps the compile round trip short; the kernels, not the Java, do the heavy work.
            tool.setOptimizationLevel(TeaVMOptimizationLevel.SIMPLE);
            tool.setLog(new EmptyTeaVMToolLog());
            tool.generate();

            List<Diagnostic> diagnostics = toDiagnostics(tool.getProblemProvider().getProblems());
            boolean failed = diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
            Path output = outputDir.resolve(OUTPUT_FILE);
            if (failed || !Files.exists(output)) {
                return new Outcome(null, diagnostics);
            }
            return new Outcome(Files.readString(output, StandardCharsets.UTF_8), diagnostics);
        } catch (TeaVMToolException e) {
            return new Outcome(null, List.of(Diagnostic.error(null,
                    "The program could not be translated to JavaScript: " + e.getMessage())));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Diagnostic> toDiagnostics(List<Problem> problems) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
        for (Problem problem : problems) {
            text.clear();
            problem.render(text);
            TextLocation location = problem.getLocation() == null ? null : problem.getLocation().getSourceLocation();
            boolean located = location != null && !location.isEmpty() && location.getFileName() != null;
            diagnostics.add(new Diagnostic(
                    located ? location.getFileName() : null,
                    located && location.getLine() > 0 ? location.getLine() : null,
                    null,
                    problem.getSeverity() == ProblemSeverity.ERROR ? Diagnostic.Severity.ERROR
                            : Diagnostic.Severity.WARNING,
                    "This cannot run in the browser: " + text.getText()));
        }
        return diagnostics;
    }
}
