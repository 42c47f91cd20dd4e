package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.backprop.grader.evidence.HiddenTestResults;
import org.backprop.grader.evidence.HiddenTestResults.Kind;
import org.backprop.grader.evidence.HiddenTestResults.TestResult;

/**
 * {@code tests}: the assignment's hidden Java tests in {@code files}, run by the server against the submitted
 * classes, pass. Points in proportion to the tests that pass; one line per test ("SavedModelTest.savesAndLoads:
 * passed", "...: failed: expected 10 classes, got 2"). A submission whose classes do not compile with the tests
 * earns nothing, with the reason; a fault on the server's side or in the tests themselves goes to a TA.
 */
final class HiddenTestsCheck implements Check {
    /** A path inside the assignment folder: no "..", no absolute path, a Java source. */
    private static final Pattern TEST_FILE =
            Pattern.compile("([A-Za-z0-9_$-][A-Za-z0-9_$.-]*/)*[A-Za-z_$][A-Za-z0-9_$]*\\.java");

    @Override
    public void validate(CheckParams params) {
        List<String> files = params.texts("files");
        if (files.isEmpty()) {
            throw new InvalidCheckParamsException("files", "names no test source");
        }
        for (String file : files) {
            if (!TEST_FILE.matcher(file).matches() || file.contains("..")) {
                throw new InvalidCheckParamsException("files", "names \"" + file + "\", which is not a Java source"
                        + " file inside the assignment folder (e.g. hidden/ModelTest.java)");
            }
        }
    }

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        HiddenTestResults tests = input.hiddenTests();
        switch (tests.state()) {
            case NONE:
                return CheckOutcome.needsReview("A TA scores this item: the hidden tests were not run.");
            case REVIEW:
                return CheckOutcome.needsReview("A TA scores this item: " + tests.reason());
            case FAILED:
                return CheckOutcome.failed(tests.reason() + " This item is judged by the hidden tests, so it earns"
                        + " nothing until they compile with your classes.");
            default:
                break;
        }
        List<String> files = params.texts("files");
        List<String> lines = new ArrayList<>();
        int passed = 0;
        for (TestResult result : tests.results()) {
            if (!files.contains(result.file())) {
                continue;
            }
            if (result.kind() == Kind.PASSED) {
                passed++;
            }
            lines.add("- " + result.name() + ": " + describe(result));
        }
        if (lines.isEmpty()) {
            return CheckOutcome.needsReview("A TA scores this item: its hidden test files hold no tests the grader"
                    + " ran.");
        }
        String message = passed + " of " + lines.size() + " hidden test" + (lines.size() == 1 ? "" : "s")
                + " passed.\n" + String.join("\n", lines);
        return CheckOutcome.scored(passed, lines.size(), message);
    }

    private static String describe(TestResult result) {
        return switch (result.kind()) {
            case PASSED -> "passed";
            case FAILED -> "failed: " + result.message();
            case ERRORED -> "failed with an error: " + result.message();
            case NOT_RUN -> result.message();
        };
    }
}
