package org.backprop.grader.sandbox;

import java.util.List;

/**
 * How a program run ended, as plain data the server stores and shows: the status, a message the student
 * understands, what the program printed, the runtime's notices (e.g. which backend ran), and timings.
 */
public record RunResult(Status status, Integer exitCode, String message, String stdout, String stderr,
        List<String> notices, long wallMillis) {

    public RunResult {
        notices = List.copyOf(notices);
    }

    /** The ways a run can end. */
    public enum Status {
        /** The program returned from main. */
        COMPLETED,
        /** The program threw or exited with a non-zero code. */
        FAILED,
        /** The wall-time limit was reached and the process was killed. */
        TIMED_OUT,
        /** The program printed more than allowed and the process was killed. */
        OUTPUT_LIMIT,
        /** The program ran out of its memory allowance. */
        MEMORY_LIMIT
    }
}
