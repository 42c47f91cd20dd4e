package org.backprop.grader.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.HiddenTestDiagnostics;
import org.backprop.grader.compile.HiddenTests;
import org.backprop.grader.compile.InvalidSourcesException;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.evidence.HiddenTestResults;
import org.backprop.grader.evidence.HiddenTestResults.Kind;
import org.backprop.grader.evidence.HiddenTestResults.TestResult;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunPlan;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.grader.sandbox.TestReport;

/**
 * The hidden-tests stage: when the rubric has a {@code tests} item, finds the tests in the assignment's hidden
 * sources, compiles them with the submitted sources into one program whose main runs each test, runs it in the
 * sandbox under the submission's limits, and returns each test's result as the runtime reported it on the test
 * channel (never read from what the program prints). Whatever goes wrong becomes a result the check can word: the
 * submission's fault fails, the server's or the assignment's goes to a TA. The hidden sources never reach the
 * student's messages. Thread-safe when its compile service and sandbox are.
 */
final class HiddenTestStage {
    /** The check this stage gathers evidence for. */
    static final String CHECK = "tests";
    private static final int MAX_LOGGED_CHARS = 4 * 1024;
    private static final int MAX_ERROR_LINE = 400;

    private final CompileService compiler;
    private final NodeSandbox sandbox;

    HiddenTestStage(CompileService compiler, NodeSandbox sandbox) {
        this.compiler = compiler;
        this.sandbox = sandbox;
    }

    /** Returns the results of {@code task}'s hidden tests; {@link HiddenTestResults#NONE} when its rubric has none. */
    HiddenTestResults run(GradingTask task, StageLog log) {
        if (task.rubric().stream().noneMatch(item -> item.check().equals(CHECK))) {
            return HiddenTestResults.NONE;
        }
        log.stage("hidden tests");
        if (task.hiddenTests().isEmpty()) {
            log.add("the rubric has a tests item, but no hidden test sources came with the task");
            return HiddenTestResults.review("the assignment's hidden tests did not reach the grader.");
        }
        Map<String, HiddenTests> byFile = new TreeMap<>();
        for (Map.Entry<String, String> file : task.hiddenTests().entrySet()) {
            HiddenTests.Discovery discovery = HiddenTests.discover(Map.of(file.getKey(), file.getValue()));
            if (discovery.tests() == null) {
                discovery.problems().forEach(problem -> log.add("hidden tests: " + problem));
                return HiddenTestResults.review("the assignment's hidden tests are set up wrongly.");
            }
            byFile.put(file.getKey(), discovery.tests());
        }
        List<HiddenTests.TestCase> cases = new ArrayList<>();
        Map<String, String> fileOfTest = new LinkedHashMap<>();
        byFile.forEach((file, tests) -> tests.cases().forEach(test -> {
            cases.add(test);
            fileOfTest.putIfAbsent(test.name(), file);
        }));
        HiddenTests tests = new HiddenTests(task.hiddenTests(), cases);
        log.add(cases.size() + " hidden tests in " + byFile.keySet());

        SourceBundle sources;
        try {
            sources = new SourceBundle(task.mainClass(), task.files());
        } catch (InvalidSourcesException e) {
            return HiddenTestResults.failed("Your sources could not be used: " + e.getMessage());
        }
        CompileResult compiled;
        try {
            compiled = compiler.compileTests(sources, tests);
        } catch (RuntimeException e) {
            log.error("The compiler failed on the hidden tests", e);
            return HiddenTestResults.review("the server could not compile the hidden tests because of an error on"
                    + " its side.");
        }
        // The diagnostics hold no hidden source, but the staff log needs no more than the student's message.
        compiled.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .forEach(d -> log.add("tests compile: " + describe(d)));
        if (!compiled.succeeded()) {
            Diagnostic first = compiled.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR).findFirst().orElse(null);
            if (first != null && first.message().startsWith(HiddenTestDiagnostics.SET_UP_WRONGLY)) {
                return HiddenTestResults.review("the assignment's hidden tests are set up wrongly.");
            }
            if (first != null && first.file() == null) {
                return HiddenTestResults.failed(first.message() + (first.message().endsWith(".") ? "" : "."));
            }
            return HiddenTestResults.failed("Your program did not compile with the hidden tests"
                    + (first == null ? "." : ": " + describe(first)));
        }
        RunResult result;
        try {
            result = sandbox.run(compiled.js(), task.limits(), task.datasets(), RunPlan.ALL);
        } catch (RuntimeException e) {
            log.error("The sandbox failed on the hidden tests", e);
            return HiddenTestResults.review("the server could not run the hidden tests because of an error on its"
                    + " side.");
        }
        log.add("tests run: " + result.status() + " in " + result.wallMillis() + " ms, " + result.testReports().size()
                + " of " + cases.size() + " tests reported");
        if (!result.stderr().isBlank()) {
            log.add("tests stderr:\n" + tail(result.stderr()));
        }
        return HiddenTestResults.ran(results(cases, fileOfTest, result));
    }

    /** Returns one result per test in order; a test the runtime never reported did not run, with the run's reason. */
    private static List<TestResult> results(List<HiddenTests.TestCase> cases, Map<String, String> fileOfTest,
            RunResult result) {
        Map<String, TestReport> reported = new LinkedHashMap<>();
        result.testReports().forEach(report -> reported.putIfAbsent(report.test(), report));
        String lastError = result.stderr().lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((first, second) -> second).map(line -> line.length() > MAX_ERROR_LINE
                        ? line.substring(0, MAX_ERROR_LINE) + "..." : line).orElse(null);
        String notRun = "did not run: " + (result.status() == RunResult.Status.COMPLETED
                ? "the tests stopped before it" : result.message().replace(" its error output says why.", ""))
                + (lastError == null || result.status() != RunResult.Status.FAILED ? "" : " Its last error line: "
                        + lastError);
        List<TestResult> results = new ArrayList<>();
        for (HiddenTests.TestCase test : cases) {
            TestReport report = reported.get(test.name());
            String file = fileOfTest.get(test.name());
            if (report == null) {
                results.add(new TestResult(file, test.name(), Kind.NOT_RUN, notRun));
            } else {
                Kind kind = switch (report.outcome()) {
                    case PASSED -> Kind.PASSED;
                    case FAILED -> Kind.FAILED;
                    case ERRORED -> Kind.ERRORED;
                };
                results.add(new TestResult(file, test.name(), kind, report.message()));
            }
        }
        return results;
    }

    private static String tail(String printed) {
        return printed.length() <= MAX_LOGGED_CHARS ? printed
                : "[...]" + printed.substring(printed.length() - MAX_LOGGED_CHARS);
    }

    private static String describe(Diagnostic diagnostic) {
        return (diagnostic.file() == null ? "" : diagnostic.file() + (diagnostic.line() == null ? "" : ":"
                + diagnostic.line()) + ": ") + diagnostic.message();
    }
}
