package org.backprop.grader.sandbox;

import java.util.Arrays;
import java.util.List;

/**
 * How a program run ended, as plain data the server stores and shows: the status, a message the student
 * understands, what the program printed, the platform's notices (e.g. which backend ran; the program cannot
 * forge them), timings, and the evidence the runtime reported on its own channel, which the program's output can
 * never produce: the run record of each fit (JSON, {@code RunRecordJson}, in the order the fits ended), each
 * model the program saved, and, when the program is an assignment's hidden tests, how each test ended.
 */
public record RunResult(Status status, Integer exitCode, String message, String stdout, String stderr,
        List<String> notices, long wallMillis, List<String> runRecords, List<SavedModel> savedModels,
        List<TestReport> testReports) {

    public RunResult {
        notices = List.copyOf(notices);
        runRecords = runRecords == null ? List.of() : List.copyOf(runRecords);
        savedModels = savedModels == null ? List.of() : List.copyOf(savedModels);
        testReports = testReports == null ? List.of() : List.copyOf(testReports);
    }

    /** Returns a result without test reports. */
    public RunResult(Status status, Integer exitCode, String message, String stdout, String stderr,
            List<String> notices, long wallMillis, List<String> runRecords, List<SavedModel> savedModels) {
        this(status, exitCode, message, stdout, stderr, notices, wallMillis, runRecords, savedModels, List.of());
    }

    /** Returns a result without run records or saved models. */
    public RunResult(Status status, Integer exitCode, String message, String stdout, String stderr,
            List<String> notices, long wallMillis) {
        this(status, exitCode, message, stdout, stderr, notices, wallMillis, List.of(), List.of(), List.of());
    }

    /** A model the program saved: the name it gave and the bytes in the saved-model format. Do not modify them. */
    public record SavedModel(String name, byte[] bytes) {
        public SavedModel {
            if (name == null || bytes == null) {
                throw new IllegalArgumentException("a saved model needs a name and bytes");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SavedModel that && name.equals(that.name) && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "SavedModel[" + name + ", " + bytes.length + " bytes]";
        }
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
        /** The program printed, or reported runs or saved models, more than allowed and was stopped. */
        OUTPUT_LIMIT,
        /** The program went over its memory allowance and was stopped. */
        MEMORY_LIMIT,
        /** main waited for something that could never happen (a wait() nobody notifies) and was stopped. */
        STALLED
    }
}
