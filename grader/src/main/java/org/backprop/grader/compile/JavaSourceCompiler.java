package org.backprop.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles Java sources held in memory with the JDK's javac, in the calling JVM (a compile worker), into classes. */
final class JavaSourceCompiler {
    private final JavaCompiler javac;

    JavaSourceCompiler() {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("javac is not available: run the server on a JDK, not a JRE");
        }
    }

    /** The diagnostics of one javac run and whether it produced classes. */
    record Outcome(boolean succeeded, List<Diagnostic> diagnostics) {
    }

    /** Compiles {@code files} (relative path → source) against {@code classpath} into {@code outputDir}. */
    Outcome compile(Map<String, String> files, List<Path> classpath, Path outputDir) {
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager =
                javac.getStandardFileManager(collector, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDir));
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            List<JavaFileObject> sources = files.entrySet().stream()
                    .map(file -> (JavaFileObject) new InMemorySource(file.getKey(), file.getValue()))
                    .collect(Collectors.toList());
            // -proc:none: no annotation processors, which would be code we did not mean to run.
            List<String> options = List.of("--release", "17", "-proc:none", "-g", "-encoding", "UTF-8",
                    "-Xlint:all,-serial,-processing", "-Xmaxerrs", "100");
            boolean succeeded = javac.getTask(null, fileManager, collector, options, null, sources).call();
            return new Outcome(succeeded, toDiagnostics(collector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Diagnostic> toDiagnostics(DiagnosticCollector<JavaFileObject> collector) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (javax.tools.Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            String file = d.getSource() instanceof InMemorySource ? ((InMemorySource) d.getSource()).path : null;
            Integer line = d.getLineNumber() == javax.tools.Diagnostic.NOPOS ? null : (int) d.getLineNumber();
            Integer column = d.getColumnNumber() == javax.tools.Diagnostic.NOPOS ? null : (int) d.getColumnNumber();
            diagnostics.add(new Diagnostic(file, line, column, severityOf(d.getKind()), d.getMessage(Locale.ENGLISH)));
        }
        return diagnostics;
    }

    private static Diagnostic.Severity severityOf(javax.tools.Diagnostic.Kind kind) {
        switch (kind) {
            case ERROR:
                return Diagnostic.Severity.ERROR;
            case WARNING:
            case MANDATORY_WARNING:
                return Diagnostic.Severity.WARNING;
            default:
                return Diagnostic.Severity.NOTE;
        }
    }

    /** A source file that exists only in memory, named by its relative path. */
    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String path;
        private final String text;

        InMemorySource(String path, String text) {
            super(URI.create("memory:///" + path), Kind.SOURCE);
            this.path = path;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
