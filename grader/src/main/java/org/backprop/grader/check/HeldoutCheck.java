package org.backprop.grader.check;

import java.math.BigDecimal;
import org.backprop.grader.heldout.HeldoutEvaluation;
import org.backprop.nn.Numbers;

/**
 * {@code heldout}: the model the server's run saved as {@code model} (by default the dataset's name:
 * {@code model.save("fashion_mnist")}) is scored on {@code dataset}'s hidden split, which no student code sees.
 * Below {@code threshold} it earns nothing; with {@code fullPointsAt} the points scale linearly up to it, without
 * it reaching the threshold earns them all.
 */
final class HeldoutCheck implements Check {

    @Override
    public void validate(CheckParams params) {
        if (!params.text("metric").equals("accuracy")) {
            throw new InvalidCheckParamsException("metric", "must be accuracy, the one metric held-out evaluation"
                    + " computes, got " + params.text("metric"));
        }
        Double full = params.number("fullPointsAt");
        if (full != null && full <= params.number("threshold")) {
            throw new InvalidCheckParamsException("fullPointsAt", "must be above the threshold ("
                    + params.number("threshold") + "), got " + full);
        }
    }

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        validate(params);
        String dataset = params.text("dataset");
        String model = params.text("model") == null ? dataset : params.text("model");
        double threshold = params.number("threshold");
        Double full = params.number("fullPointsAt");
        HeldoutEvaluation.Result result = input.heldout().evaluate(model, dataset);
        if (result.serverProblem() != null) {
            return CheckOutcome.needsReview("A TA scores this item: " + result.serverProblem() + ".");
        }
        if (result.studentProblem() != null) {
            return CheckOutcome.failed(result.studentProblem().startsWith("Your program") ? result.studentProblem()
                    : "The model your program saved as \"" + model + "\" was not scored: " + result.studentProblem()
                            + ".");
        }
        double accuracy = result.score().accuracy();
        String scored = "The model your program saved as \"" + model + "\" (in the server's run) has accuracy "
                + Numbers.format(accuracy, 4) + " on the hidden split of " + dataset + " (" + result.score().examples()
                + " images)";
        if (accuracy < threshold) {
            return CheckOutcome.failed(scored + "; at least " + plain(threshold) + " earns points.");
        }
        if (full == null || accuracy >= full) {
            return CheckOutcome.passed(scored + "; " + plain(full == null ? threshold : full) + " earns full points.");
        }
        double fraction = (accuracy - threshold) / (full - threshold);
        return new CheckOutcome(CheckOutcome.Verdict.PARTIAL, fraction, scored + "; points scale from " + plain(threshold)
                + " to full points at " + plain(full) + ".");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
