package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import org.backprop.grader.evidence.ModelGraphs;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.RunRecord;

/**
 * {@code augmentation-active}: the team's model, as the server's run builds it, has at least {@code minLayers}
 * augmentation layers of the types {@code layers}, and the server's behaviour probe shows each changes a batch in
 * training and is the identity at inference, and that the whole model gives the same output twice at inference
 * (nothing random stays on). Layers that were built but never applied to the model's tensors are not in its graph
 * and do not count.
 */
final class AugmentationActiveCheck implements Check {

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        List<String> types = params.texts("layers");
        int minLayers = params.integer("minLayers");
        List<RunRecord> models = Runs.models(input);
        if (models.isEmpty()) {
            return CheckOutcome.failed(Runs.noModel(input, "its augmentation"));
        }
        String closest = null;
        for (RunRecord run : models) {
            List<String> problems = problems(run, types, minLayers);
            if (problems.isEmpty()) {
                return CheckOutcome.passed("The model of " + Runs.name(run) + ", as the server's run built it, augments"
                        + " its data with " + augmentation(run, types).stream().map(LayerRecord::type).distinct()
                        .toList() + ": each changes a batch in training and leaves it as it is at inference.");
            }
            if (closest == null) {
                closest = "The model of " + Runs.name(run) + ", as the server's run built it: " + String.join(" ",
                        problems);
            }
        }
        return CheckOutcome.failed(closest);
    }

    private static List<String> problems(RunRecord run, List<String> types, int minLayers) {
        List<String> problems = new ArrayList<>();
        List<LayerRecord> augmentation = augmentation(run, types);
        if (augmentation.size() < minLayers) {
            problems.add("it has " + augmentation.size() + " augmentation layer" + (augmentation.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", types) + "); at least " + minLayers + " must be part of the model."
                    + " Layers you create but never apply to the model's tensors are not part of it.");
        }
        for (LayerRecord layer : augmentation) {
            if (!Boolean.TRUE.equals(layer.changesInTraining())) {
                problems.add(layer.name() + " (" + layer.type() + ") did not change a batch in training.");
            }
            if (!Boolean.TRUE.equals(layer.identityAtInference())) {
                problems.add(layer.name() + " (" + layer.type() + ") changed the images at inference; augmentation"
                        + " must be off at inference.");
            }
        }
        if (!Boolean.TRUE.equals(run.model().inferenceDeterministic())) {
            problems.add("the model gave different outputs for the same images at inference, so something random"
                    + " (augmentation applied outside training) stays on at inference.");
        }
        return problems;
    }

    private static List<LayerRecord> augmentation(RunRecord run, List<String> types) {
        return run.model().layers().stream()
                .filter(layer -> ModelGraphs.isLibrary(layer) && types.contains(layer.type())).toList();
    }
}
