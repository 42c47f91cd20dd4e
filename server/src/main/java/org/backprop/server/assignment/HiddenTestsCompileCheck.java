package org.backprop.server.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.HiddenTestDiagnostics;
import org.backprop.grader.compile.HiddenTests;
import org.backprop.grader.compile.InvalidSourcesException;
import org.backprop.grader.compile.SourceBundle;

/**
 * Compiles an assignment's hidden tests against its reference solution (the starter where the folder has none) when
 * it is imported, through the same jailed compile workers grading uses: a test that names a class or method the
 * solution lacks is an import error the instructor reads at once, not a "set up wrongly" every team meets at
 * grading time. Only compiles; running the tests needs the datasets and the sandbox, which grading does.
 */
@ApplicationScoped
public class HiddenTestsCompileCheck {
    /** At most this many compile errors are reported; the rest are counted. */
    private static final int MAX_REPORTED = 5;

    @Inject
    CompileService compiler;

    /**
     * Returns the errors that keep {@code spec}'s hidden tests from compiling against the folder {@code files}' solution,
     * at the path of the first {@code tests} item; empty when they compile or there are none.
     *
     * @throws org.backprop.grader.compile.CompileUnavailableException when no compile worker can take the job
     */
    public List<SpecError> check(AssignmentSpec spec, Map<String, String> files) {
        List<String> hiddenFiles = SpecParser.hiddenTestFiles(spec);
        if (hiddenFiles.isEmpty()) {
            return List.of();
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        hiddenFiles.forEach(path -> hidden.put(path, files.get(path)));
        HiddenTests tests = HiddenTests.discover(hidden).tests();
        if (tests == null) {
            return List.of(); // the parser has reported each file's problems already
        }
        String path = testsItemPath(spec);
        String solution = ReferenceSolution.present(files) ? "the reference solution" : "the starter files";
        SourceBundle sources;
        try {
            sources = new SourceBundle(spec.starter().mainClass(), ReferenceSolution.sources(files, hiddenFiles));
        } catch (InvalidSourcesException e) {
            return List.of(new SpecError(path, "the hidden tests cannot be compiled against " + solution + ": "
                    + e.getMessage()));
        }
        CompileResult compiled = compiler.compileTests(sources, tests);
        if (compiled.succeeded()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        compiled.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .map(HiddenTestsCompileCheck::reason).forEach(reasons::add);
        String listed = String.join("; ", reasons.subList(0, Math.min(MAX_REPORTED, reasons.size())))
                + (reasons.size() > MAX_REPORTED ? "; and " + (reasons.size() - MAX_REPORTED) + " more" : "");
        return List.of(new SpecError(path, "the hidden tests do not compile against " + solution + ": "
                + (listed.isEmpty() ? "the compiler gave no reason" : listed)));
    }

    /** The YAML path of the first {@code tests} item's files. */
    private static String testsItemPath(AssignmentSpec spec) {
        for (int i = 0; i < spec.rubric().size(); i++) {
            if (spec.rubric().get(i).check().name().equals("tests")) {
                return "rubric[" + i + "].params.files";
            }
        }
        throw new IllegalStateException("hidden test files without a tests item");
    }

    /** A compile error as the instructor reads it: where, when it is in the solution, and javac's words. */
    private static String reason(Diagnostic diagnostic) {
        String message = diagnostic.message().replace(HiddenTestDiagnostics.NOT_COMPILED, "")
                .replace(HiddenTestDiagnostics.SET_UP_WRONGLY, "").strip();
        if (diagnostic.file() == null) {
            return message;
        }
        return diagnostic.file() + (diagnostic.line() == null ? "" : ":" + diagnostic.line()) + ": " + message;
    }
}
