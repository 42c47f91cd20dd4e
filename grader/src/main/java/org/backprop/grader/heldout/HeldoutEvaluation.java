package org.backprop.grader.heldout;

/** Scores the model a run saved under a name on a dataset's hidden split; what the {@code heldout} check asks. */
@FunctionalInterface
public interface HeldoutEvaluation {
    /** Evaluates nothing: a grading with no saved models or no hidden splits. */
    HeldoutEvaluation NONE = (model, dataset) -> Result.unavailable("there is no hidden split to evaluate on");

    /** Returns how the model saved as {@code model} fares on {@code dataset}'s hidden split. */
    Result evaluate(String model, String dataset);

    /**
     * The answer: a score, a problem that is the student's (no such model saved, the model does not fit the images),
     * or one that is the server's or the course's (no hidden split imported), which a TA settles.
     */
    record Result(HeldoutScore score, String studentProblem, String serverProblem) {
        static Result scored(HeldoutScore score) {
            return score.problem() == null ? new Result(score, null, null) : new Result(null, score.problem(), null);
        }

        static Result studentProblem(String problem) {
            return new Result(null, problem, null);
        }

        public static Result unavailable(String problem) {
            return new Result(null, null, problem);
        }
    }
}
