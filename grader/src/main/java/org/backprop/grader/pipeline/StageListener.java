package org.backprop.grader.pipeline;

import java.time.Duration;

/**
 * Hears how long the stages of a grading took, so that the program hosting the pipeline can export them as metrics.
 * Called on the grading thread, so implementations must be quick, thread-safe and must not throw.
 */
public interface StageListener {
    /** Hears nothing. */
    StageListener NONE = new StageListener() {
        @Override
        public void stageEnded(String stage, Duration took) {
        }

        @Override
        public void compiled(String outcome, Duration took) {
        }
    };

    /** The submitted sources compiled. */
    String SUCCEEDED = "succeeded";
    /** The submitted sources have compile errors. */
    String FAILED = "failed";
    /** The compiler failed on the server's side. */
    String ERROR = "error";

    /** A stage of the staff log ended: "prepare", "compile", "select", "run", "match", "hidden tests", "check"... */
    void stageEnded(String stage, Duration took);

    /** The submitted sources were compiled, with {@link #SUCCEEDED}, {@link #FAILED} or {@link #ERROR}. */
    void compiled(String outcome, Duration took);
}
