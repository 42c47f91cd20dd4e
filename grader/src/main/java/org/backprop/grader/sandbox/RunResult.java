package org.backprop.grader.sandbox;

import java.util.List;

/**
 * How a program run ended, as plain data the server stores and shows: the status, a message the student
 * understands, what the program printed, the platform's notices (e.g. which backend ran; the program cannot
 * forge them), and timings.
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
        /** The program threw, exited with a non-zero code, or its process died. */
        FAILED,
        /** The wall-time limit was reached and the program was stopped. */
        TIMED_OUT,
        /** The processor-time limit was reached and the program was stopped. */
        CPU_LIMIT,
        /** The program printed more than allowed and was stopped. */
        OUTPUT_LIMIT,
        /** The program went over its memory allowance and was stopped. */
        MEMORY_LIMIT,
        /** main waited for something that could never happen (a wait() nobody notifies) and was stopped. */
        STALLED
    }
}
