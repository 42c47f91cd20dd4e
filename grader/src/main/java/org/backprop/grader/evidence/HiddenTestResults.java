package org.backprop.grader.evidence;

import java.util.List;

/**
 * What the server found when it ran the assignment's hidden tests against the submitted classes: each test's
 * result ({@link State#RAN}), or why there are none: the submission did not compile with the tests
 * ({@link State#FAILED}, the reason in the student's words), or a fault that is nobody's on the team (the grader
 * failed, or the tests are set up wrongly: {@link State#REVIEW}), or the assignment has no hidden tests for this
 * grading ({@link State#NONE}). Results come only from the runtime's test channel, never from the program's output.
 * Immutable.
 */
public record HiddenTestResults(State state, List<TestResult> results, String reason) {

    /** No hidden tests were run: the rubric names none, or none reached the grader. */
    public static final HiddenTestResults NONE = new HiddenTestResults(State.NONE, List.of(), null);

    /** Why there are results or not. */
    public enum State { NONE, RAN, FAILED, REVIEW }

    /** How one test ended. */
    public enum Kind { PASSED, FAILED, ERRORED, NOT_RUN }

    /**
     * One test: the hidden source file it is in (its path in the assignment folder), its name
     * ({@code Class.method}), how it ended and the message (the assertion's, what was thrown, or why it did not run;
     * null when it passed).
     */
    public record TestResult(String file, String name, Kind kind, String message) {
        public TestResult {
            if (file == null || name == null || kind == null) {
                throw new IllegalArgumentException("a test result needs its file, name and kind");
            }
        }
    }

    public HiddenTestResults {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        results = results == null ? List.of() : List.copyOf(results);
        if ((state == State.FAILED || state == State.REVIEW) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(state + " needs its reason");
        }
    }

    public static HiddenTestResults ran(List<TestResult> results) {
        return new HiddenTestResults(State.RAN, results, null);
    }

    /** The submission's own fault: its classes did not compile with the tests; the reason is the student's. */
    public static HiddenTestResults failed(String reason) {
        return new HiddenTestResults(State.FAILED, List.of(), reason);
    }

    /** Nobody on the team is at fault: a TA decides; the reason says what went wrong, for the student. */
    public static HiddenTestResults review(String reason) {
        return new HiddenTestResults(State.REVIEW, List.of(), reason);
    }
}
