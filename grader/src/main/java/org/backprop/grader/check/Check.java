package org.backprop.grader.check;

/**
 * One check of the grading catalogue: a pure function of the evidence (the server's own run of the submitted
 * code), the runs the team hands in, and its report. Implementations are stateless and thread-safe.
 */
public interface Check {
    /** Returns how {@code input} fares against this check with the assignment's {@code params}. */
    CheckOutcome evaluate(CheckInput input, CheckParams params);

    /**
     * Fails with {@link InvalidCheckParamsException} when parameters of the right types still make no sense (an
     * element the check does not know), so that the server refuses the assignment when it is imported.
     */
    default void validate(CheckParams params) {
    }
}
