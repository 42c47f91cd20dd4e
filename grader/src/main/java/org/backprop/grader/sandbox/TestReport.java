package org.backprop.grader.sandbox;

/**
 * How one hidden test ended, as the web runtime reported it on the runner's test channel (frame {@code t}), which
 * the program's own output can never produce: the test's name ({@code Class.method}), the outcome and its message
 * (the assertion's message when it failed, what was thrown when it errored; null when it passed).
 */
public record TestReport(String test, Outcome outcome, String message) {

    /** The ways a test can end. */
    public enum Outcome {
        /** The test method returned. */
        PASSED,
        /** An assertion of the test failed. */
        FAILED,
        /** The test threw something other than a failed assertion. */
        ERRORED
    }

    public TestReport {
        if (test == null || outcome == null) {
            throw new IllegalArgumentException("a test report needs the test and its outcome, got " + test + ", "
                    + outcome);
        }
    }
}
