package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backprop.nn.records.RunRecord;

/**
 * {@code curves}: every run's history has {@code loss}, {@code val_loss}, the metric and its {@code val_}
 * twin for every epoch, so that the report can judge overfitting. Parameter {@code metric} (default
 * {@code accuracy}). Points in proportion to the runs that have all four curves.
 */
final class CurvesCheck implements Check {

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        String metric = params.allowOnly("metric").string("metric", "accuracy");
        if (input.runs().isEmpty()) {
            return CheckOutcome.failed("The submission has no run records, so there are no training curves.");
        }
        List<String> curves = List.of("loss", "val_loss", metric, "val_" + metric);
        List<String> problems = new ArrayList<>();
        for (RunRecord run : input.runs()) {
            problem(run, curves).ifPresent(problems::add);
        }
        int complete = input.runs().size() - problems.size();
        if (problems.isEmpty()) {
            return CheckOutcome.passed("Every run (" + complete + ") has " + String.join(", ", curves)
                    + " for every epoch.");
        }
        return CheckOutcome.scored(complete, input.runs().size(), complete + " of " + input.runs().size()
                + " runs have " + String.join(", ", curves) + " for every epoch. " + String.join(" ", problems));
    }

    private static Optional<String> problem(RunRecord run, List<String> curves) {
        List<String> missing = new ArrayList<>();
        int epochs = 0;
        for (String curve : curves) {
            List<Double> values = run.history().get(curve);
            if (values == null || values.isEmpty()) {
                missing.add(curve);
            } else {
                epochs = Math.max(epochs, values.size());
            }
        }
        if (!missing.isEmpty()) {
            String hint = missing.stream().anyMatch(curve -> curve.startsWith("val_"))
                    ? " Train with validation data (validationSplit or validationData) to get the val_ curves." : "";
            return Optional.of(Runs.name(run) + " has no " + String.join(", ", missing) + "." + hint);
        }
        List<String> shortCurves = new ArrayList<>();
        for (String curve : curves) {
            if (run.history().get(curve).size() < epochs) {
                shortCurves.add(curve);
            }
        }
        return shortCurves.isEmpty() ? Optional.empty() : Optional.of(Runs.name(run) + " lacks "
                + String.join(", ", shortCurves) + " for some of its " + epochs + " epochs.");
    }
}
