package org.backprop.grader.check;

/**
 * One check of the grading catalogue: a pure function of a team's run records and report. Implementations
 * are stateless and thread-safe; they fail with {@link InvalidCheckParamsException} when the assignment's
 * parameters make no sense.
 */
public interface Check {
    /** Returns how {@code input} fares against this check with the assignment's {@code params}. */
    CheckOutcome evaluate(CheckInput input, CheckParams params);
}
