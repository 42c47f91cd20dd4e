package org.backprop.web.runtime;

import org.backprop.nn.testing.AssertionFailedError;

/**
 * One hidden test as the generated test runner hands it to {@link ProgramRuntime#runTests}: its name
 * ({@code Class.method}) and its body. Running it turns whatever the body does into an outcome and never throws.
 */
public final class HiddenTest {
    /** How a test ended, as the host is told. */
    enum Outcome { PASSED, FAILED, ERRORED }

    /** The outcome of one run and its message (null when it passed). */
    record Result(Outcome outcome, String message) {
    }

    private final String name;
    private final ProgramRuntime.StudentMain body;

    /**
     * @param name the test's name, {@code Class.method}
     * @param body calls the test method
     */
    public HiddenTest(String name, ProgramRuntime.StudentMain body) {
        this.name = name;
        this.body = body;
    }

    String name() {
        return name;
    }

    Result run() {
        Throwable thrown = null;
        try {
            body.run();
        } catch (Throwable caught) {
            thrown = caught;
        }
        if (thrown == null) {
            return new Result(Outcome.PASSED, null);
        }
        boolean failed = thrown instanceof AssertionFailedError;
        return new Result(failed ? Outcome.FAILED : Outcome.ERRORED, describe(thrown, !failed));
    }

    /** Words what was thrown; an exception of the student's whose description itself throws is named by class. */
    private static String describe(Throwable thrown, boolean withType) {
        try {
            String message = withType ? String.valueOf(thrown) : thrown.getMessage();
            return message == null ? "the assertion failed" : message;
        } catch (Throwable broken) {
            return "an exception that could not describe itself";
        }
    }
}
