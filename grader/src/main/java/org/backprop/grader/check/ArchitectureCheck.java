package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.RunRecord;

/**
 * {@code architecture}: the team's model (a run that is no ablation variant) contains the modern convnet
 * elements the assignment requires. Parameter {@code require}: any of {@code residual} (an {@code Add} layer
 * joining two paths), {@code batch-normalization} and {@code separable-conv}; all three by default. Points in
 * proportion to the elements found in the best run.
 */
final class ArchitectureCheck implements Check {
    private static final Map<String, Element> ELEMENTS = Map.of(
            "residual", new Element("a residual connection (an Add layer that adds a block's input to its output)",
                    layer -> layer.type().equals("Add") && layer.inbound().size() >= 2),
            "batch-normalization", new Element("batch normalization (a BatchNormalization layer)",
                    layer -> layer.type().equals("BatchNormalization")),
            "separable-conv", new Element("a depthwise separable convolution (a SeparableConv2D layer)",
                    layer -> layer.type().equals("SeparableConv2D")));

    private record Element(String description, Predicate<LayerRecord> present) {
    }

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        List<String> required = params.allowOnly("require")
                .strings("require", List.of("residual", "batch-normalization", "separable-conv"));
        for (String name : required) {
            if (!ELEMENTS.containsKey(name)) {
                throw new InvalidCheckParamsException("The check \"architecture\" knows no element \"" + name
                        + "\"; it knows residual, batch-normalization and separable-conv.");
            }
        }
        List<RunRecord> models = Runs.models(input.runs());
        if (models.isEmpty()) {
            return CheckOutcome.failed("The submission has no run of its model (only ablation variants or no runs"
                    + " at all), so its architecture cannot be checked.");
        }
        RunRecord best = null;
        List<String> bestMissing = null;
        for (RunRecord run : models) {
            List<String> missing = new ArrayList<>();
            for (String name : required) {
                if (run.model().layers().stream().noneMatch(ELEMENTS.get(name).present())) {
                    missing.add(ELEMENTS.get(name).description());
                }
            }
            if (bestMissing == null || missing.size() < bestMissing.size()) {
                best = run;
                bestMissing = missing;
            }
        }
        int found = required.size() - bestMissing.size();
        if (bestMissing.isEmpty()) {
            return CheckOutcome.passed("The model of " + Runs.name(best) + " has "
                    + String.join(", ", required) + ".");
        }
        return CheckOutcome.scored(found, required.size(), "The model of " + Runs.name(best) + " (the closest) has "
                + found + " of the " + required.size() + " required elements; it lacks "
                + String.join(" and ", bestMissing) + ".");
    }
}
