package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.backprop.grader.evidence.ModelGraphs;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.RunRecord;

/**
 * {@code architecture}: the team's model, as the server's run builds it, contains the modern convnet elements
 * the assignment requires ({@code requires}: residual, batch-normalization, separable-conv). Only the library's
 * layers count: a layer class of the student's own that calls itself BatchNormalization is not one. Points in
 * proportion to the elements found in the best of the model's fits.
 */
final class ArchitectureCheck implements Check {
    static final List<String> ELEMENT_NAMES = List.of("residual", "batch-normalization", "separable-conv");
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
    public void validate(CheckParams params) {
        for (String name : params.texts("requires")) {
            if (!ELEMENTS.containsKey(name)) {
                throw new InvalidCheckParamsException("requires", "names \"" + name + "\", which the check does not"
                        + " know; it knows " + String.join(", ", ELEMENT_NAMES));
            }
        }
    }

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        validate(params);
        List<String> required = params.texts("requires");
        List<RunRecord> models = Runs.models(input);
        if (models.isEmpty()) {
            return CheckOutcome.failed(Runs.noModel(input, "its architecture"));
        }
        RunRecord best = null;
        List<String> bestMissing = null;
        for (RunRecord run : models) {
            List<String> missing = new ArrayList<>();
            for (String name : required) {
                if (run.model().layers().stream().filter(ModelGraphs::isLibrary)
                        .noneMatch(ELEMENTS.get(name).present())) {
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
            return CheckOutcome.passed("The model of " + Runs.name(best) + ", as the server's run built it, has "
                    + String.join(", ", required) + ".");
        }
        List<String> impostors = best.model().layers().stream().filter(layer -> !ModelGraphs.isLibrary(layer))
                .map(layer -> layer.name() + " (" + layer.type() + ")").toList();
        return CheckOutcome.scored(found, required.size(), "The model of " + Runs.name(best) + ", as the server's run"
                + " built it (the closest), has " + found + " of the " + required.size() + " required elements; it"
                + " lacks " + String.join(" and ", bestMissing) + "." + (impostors.isEmpty() ? ""
                        : " Layers of your own classes do not count: " + String.join(", ", impostors) + "."));
    }
}
