package org.backprop.grader.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.backprop.grader.evidence.ClaimMatch;
import org.backprop.nn.Numbers;
import org.backprop.nn.records.RunRecord;

/**
 * {@code reproduce}: each handed-in run the server re-ran reaches the claimed final {@code metric} within
 * {@code tolerance}; when it does not, the message shows both curves' values and the epoch where they part. A
 * handed-in run the submitted code does not produce fails too; one the re-run budget left out neither earns nor
 * costs. Points in proportion. Where the claimed run trained on other hardware than the server's re-run, a difference
 * names both devices: GPUs round differently in their last bits, and a short run that has not settled can turn that
 * into other numbers (the demo's reference, trained on an H200 and re-run on SwiftShader, parted in epoch 1 on
 * Fashion-MNIST), which a TA reading the item should know.
 */
final class ReproduceCheck implements Check {

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        String metric = params.text("metric");
        double tolerance = params.number("tolerance");
        int reproduced = 0;
        int judged = 0;
        List<String> lines = new ArrayList<>();
        List<String> notRerun = new ArrayList<>();
        for (ClaimMatch match : input.claims()) {
            String label = match.claim().label();
            switch (match.standing()) {
                case NOT_RERUN -> notRerun.add(match.claim().record().name());
                case NOT_PRODUCED -> {
                    judged++;
                    lines.add("- " + label + ": not produced by the submitted code (" + match.reason() + ").");
                }
                case RERUN -> {
                    judged++;
                    String verdict = compare(match.claim().record(), match.serverRecord().orElseThrow(), metric,
                            tolerance);
                    if (verdict == null) {
                        reproduced++;
                        lines.add("- " + label + ": reproduced, " + metric + " " + value(match.claim().record(), metric)
                                + " claimed, " + value(match.serverRecord().orElseThrow(), metric) + " on the server.");
                    } else {
                        lines.add("- " + label + ": " + verdict);
                    }
                }
            }
        }
        if (judged == 0) {
            return CheckOutcome.failed(input.claims().isEmpty() ? "The submission hands in no runs, so nothing can be"
                    + " reproduced." : "None of the handed-in runs could be re-run.");
        }
        String message = reproduced + " of " + judged + " re-run handed-in run" + (judged == 1 ? "" : "s")
                + " reproduced within " + BigDecimal.valueOf(tolerance).stripTrailingZeros().toPlainString() + " of the claimed " + metric + "."
                + (notRerun.isEmpty() ? "" : " Not re-run (outside the re-run budget): " + String.join(", ", notRerun)
                        + ".")
                + "\n" + String.join("\n", lines);
        return CheckOutcome.scored(reproduced, judged, message);
    }

    /** Returns null when {@code actual} reproduces {@code claimed}'s final metric, else what differs. */
    private static String compare(RunRecord claimed, RunRecord actual, String metric, double tolerance) {
        List<Double> claimedCurve = claimed.history().get(metric);
        List<Double> actualCurve = actual.history().get(metric);
        if (claimedCurve == null || claimedCurve.isEmpty()) {
            return "claims no " + metric + ", so it cannot be compared.";
        }
        if (actualCurve == null || actualCurve.isEmpty()) {
            return "the server's re-run has no " + metric + " (" + actual.status().state().name().toLowerCase()
                    + (actual.status().message() == null ? "" : ": " + actual.status().message()) + ").";
        }
        double claimedFinal = claimedCurve.get(claimedCurve.size() - 1);
        double actualFinal = actualCurve.get(actualCurve.size() - 1);
        if (claimedCurve.size() == actualCurve.size() && Math.abs(claimedFinal - actualFinal) <= tolerance) {
            return null;
        }
        int parts = 0;
        while (parts < Math.min(claimedCurve.size(), actualCurve.size())
                && Math.abs(claimedCurve.get(parts) - actualCurve.get(parts)) <= tolerance) {
            parts++;
        }
        return "differs: " + metric + " " + Numbers.format(claimedFinal, 4) + " claimed after " + claimedCurve.size()
                + " epoch" + (claimedCurve.size() == 1 ? "" : "s") + ", " + Numbers.format(actualFinal, 4)
                + " on the server after " + actualCurve.size() + "; they part in epoch " + (parts + 1) + " ("
                + (parts < claimedCurve.size() ? Numbers.format(claimedCurve.get(parts), 4) : "none") + " claimed, "
                + (parts < actualCurve.size() ? Numbers.format(actualCurve.get(parts), 4) : "none") + " re-run)."
                + otherHardware(claimed, actual);
    }

    /** Returns a sentence naming both devices when the runs trained on different ones, else "". */
    private static String otherHardware(RunRecord claimed, RunRecord actual) {
        if (claimed.device().equals(actual.device())) {
            return "";
        }
        return " The claimed run trained on " + describe(claimed) + ", the server's re-run on " + describe(actual)
                + ": different hardware rounds differently, and a run that has not settled can turn that into other"
                + " numbers.";
    }

    private static String describe(RunRecord run) {
        return run.device().backend() + (run.device().device().isEmpty() ? "" : " (" + run.device().device() + ")");
    }

    private static String value(RunRecord run, String metric) {
        List<Double> curve = run.history().get(metric);
        return Numbers.format(curve.get(curve.size() - 1), 4);
    }
}
