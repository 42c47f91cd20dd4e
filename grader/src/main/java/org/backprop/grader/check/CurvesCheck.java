package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.grader.evidence.ClaimMatch;

/**
 * {@code curves}: every handed-in run has, for each of {@code metrics}, its training and {@code val_} curve for
 * every epoch, at least {@code minEpochs} of them, so that the report can judge overfitting; a run the server
 * re-ran must have them in the server's history too, and a run the submitted code does not produce counts for
 * nothing. Points in proportion to the runs that pass.
 */
final class CurvesCheck implements Check {

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        List<String> curves = new ArrayList<>();
        for (String metric : params.texts("metrics")) {
            curves.add(metric);
            curves.add("val_" + metric);
        }
        int minEpochs = params.integer("minEpochs");
        if (input.claims().isEmpty()) {
            return CheckOutcome.failed("The submission hands in no runs, so there are no training curves.");
        }
        List<String> problems = new ArrayList<>();
        for (ClaimMatch match : input.claims()) {
            problem(match, curves, minEpochs).ifPresent(problem -> problems.add(match.claim().label() + " " + problem));
        }
        int complete = input.claims().size() - problems.size();
        String has = String.join(", ", curves) + " for every epoch (at least " + minEpochs + ")";
        if (problems.isEmpty()) {
            return CheckOutcome.passed("Every handed-in run (" + complete + ") has " + has + ".");
        }
        return CheckOutcome.scored(complete, input.claims().size(), complete + " of " + input.claims().size()
                + " handed-in runs have " + has + ". " + String.join(" ", problems));
    }

    private static Optional<String> problem(ClaimMatch match, List<String> curves, int minEpochs) {
        if (!match.produced()) {
            return Optional.of("is not produced by the submitted code: " + match.reason() + ".");
        }
        Optional<String> claimed = incomplete(match.claim().record().history(), curves, minEpochs);
        if (claimed.isPresent()) {
            return Optional.of(claimed.get());
        }
        if (match.standing() == ClaimMatch.Standing.RERUN) {
            return incomplete(match.serverRecord().orElseThrow().history(), curves, minEpochs)
                    .map(problem -> "has its curves, but the server's re-run of it " + problem.replaceFirst("^has ",
                            "has "));
        }
        return Optional.empty();
    }

    private static Optional<String> incomplete(Map<String, List<Double>> history, List<String> curves, int minEpochs) {
        List<String> missing = new ArrayList<>();
        int epochs = 0;
        for (String curve : curves) {
            List<Double> values = history.get(curve);
            if (values == null || values.isEmpty()) {
                missing.add(curve);
            } else {
                epochs = Math.max(epochs, values.size());
            }
        }
        if (!missing.isEmpty()) {
            String hint = missing.stream().anyMatch(curve -> curve.startsWith("val_"))
                    ? " Train with validation data (validationSplit or validationData) to get the val_ curves." : "";
            return Optional.of("has no " + String.join(", ", missing) + "." + hint);
        }
        List<String> shortCurves = new ArrayList<>();
        for (String curve : curves) {
            if (history.get(curve).size() < epochs) {
                shortCurves.add(curve);
            }
        }
        if (!shortCurves.isEmpty()) {
            return Optional.of("lacks " + String.join(", ", shortCurves) + " for some of its " + epochs + " epochs.");
        }
        return epochs < minEpochs ? Optional.of("has " + epochs + " epoch" + (epochs == 1 ? "" : "s") + "; at least "
                + minEpochs + " are required.") : Optional.empty();
    }
}
