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
import java.util.Properties;
import org.teavm.backend.javascript.JSModuleType;
import org.teavm.backend.javascript.JavaScriptTarget;
import org.teavm.cache.AlwaysStaleCacheStatus;
import org.teavm.cache.EmptyProgramCache;
import org.teavm.dependency.PreciseDependencyAnalyzer;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.diagnostics.ProblemSeverity;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderSource;
import org.teavm.model.PreOptimizingClassHolderSource;
import org.teavm.model.ReferenceCache;
import org.teavm.model.TextLocation;
import org.teavm.model.transformation.AssertionRemoval;
import org.teavm.parsing.ClasspathClassHolderSource;
import org.teavm.parsing.ClasspathResourceProvider;
import org.teavm.parsing.substitution.DefaultSubstituteClassNameMapping;
import org.teavm.vm.TeaVM;
import org.teavm.vm.TeaVMBuilder;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Translates compiled classes to one JavaScript ES module with TeaVM, in the calling JVM (a compile worker).
 *
 * <p>Most of a compile used to go into parsing the same library classes again (TeaVM's class library, nn and
 * the web runtime). They never change while a compile worker runs, so they are parsed once per translator and
 * shared; only the student's classes are read fresh. TeaVM copies classes before transforming them, so the
 * shared ones stay as parsed: the output is byte for byte what a fresh TeaVM produces. Thread-safe.
 */
final class TeaVmTranslator {
    private static final String OUTPUT_FILE = "program.js";

    private final ClassHolderSource library = new SharedLibrary(TeaVmTranslator.class.getClassLoader());

    /** The JavaScript, or the problems TeaVM found instead. */
    record Outcome(String js, List<Diagnostic> diagnostics) {
    }

    /**
     * Translates the program whose entry point is {@code mainClass} in {@code classesDir}. The library and
     * TeaVM's class library come from this class's own class loader.
     */
    Outcome translate(Path classesDir, String mainClass, Path outputDir) {
        // The student's classes are only ever read as bytecode, from a loader that sees nothing else: TeaVM's own
        // loader (for its plugins and the classes its annotations name) is the library's, so no class a student
        // wrote can be loaded, let alone initialised, in this JVM.
        ClassLoader libraryLoader = TeaVmTranslator.class.getClassLoader();
        try (URLClassLoader studentBytecode = new URLClassLoader(new URL[] {classesDir.toUri().toURL()}, null)) {
            ReferenceCache references = new ReferenceCache();
            ClassHolderSource student = new PreOptimizingClassHolderSource(new ClasspathClassHolderSource(
                    new ClasspathResourceProvider(studentBytecode), references,
                    DefaultSubstituteClassNameMapping.createWithSPI(libraryLoader)));
            ClassHolderSource classes = name -> Files.exists(classesDir.resolve(name.replace('.', '/') + ".class"))
                    ? student.get(name) : library.get(name);
            ClasspathResourceProvider resources = new ClasspathResourceProvider(libraryLoader);

            JavaScriptTarget target = new JavaScriptTarget();
            target.setObfuscated(true);
            target.setModuleType(JSModuleType.ES2015);
            TeaVM vm = new TeaVMBuilder(target)
                    .setReferenceCache(references)
                    .setClassLoader(libraryLoader)
                    .setClassSource(classes)
                    .setResourceProvider(resources)
                    .setDependencyAnalyzerFactory(PreciseDependencyAnalyzer::new)
                    .setObfuscated(true)
                    .build();
            vm.add(new AssertionRemoval());
            vm.setProperties(new Properties());
            vm.setProgramCache(EmptyProgramCache.INSTANCE);
            vm.setCacheStatus(AlwaysStaleCacheStatus.INSTANCE);
            // SIMPLE keeps the compile round trip short; the kernels, not the Java, do the heavy work.
            vm.setOptimizationLevel(TeaVMOptimizationLevel.SIMPLE);
            vm.installPlugins();
            vm.setEntryPoint(mainClass);
            vm.setEntryPointName("main");
            try {
                vm.build(outputDir.toFile(), OUTPUT_FILE);
            } catch (RuntimeException e) {
                // TeaVM reports most problems as diagnostics; what it throws instead is still about this program.
                return new Outcome(null, List.of(Diagnostic.error(null, "This cannot run in the browser: TeaVM could"
                        + " not translate the program (" + e.getMessage() + ").")));
            }

            List<Diagnostic> diagnostics = toDiagnostics(vm.getProblemProvider().getProblems());
            boolean failed = diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
            Path output = outputDir.resolve(OUTPUT_FILE);
            if (failed || !Files.exists(output)) {
                return new Outcome(null, diagnostics);
            }
            return new Outcome(Files.readString(output, StandardCharsets.UTF_8), diagnostics);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The library's classes, parsed on first use and kept; safe for concurrent compiles. */
    private static final class SharedLibrary implements ClassHolderSource {
        private final ClassHolderSource parsed;

        SharedLibrary(ClassLoader classLoader) {
            this.parsed = new PreOptimizingClassHolderSource(new ClasspathClassHolderSource(
                    new ClasspathResourceProvider(classLoader), new ReferenceCache(), classLoader));
        }

        @Override
        public synchronized ClassHolder get(String name) {
            return parsed.get(name);
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
