package org.backprop.grader.check;

import java.util.List;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.RunRecord;

/**
 * {@code augmentation-active}: the team's model has data augmentation layers ({@code RandomFlip},
 * {@code RandomRotation}, ... — Keras's {@code Random*} layers) that act in training only, so that
 * inference sees the images as they are. Parameter {@code min-layers} (default 1).
 */
final class AugmentationActiveCheck implements Check {

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        int minLayers = params.allowOnly("min-layers").integer("min-layers", 1, 1);
        List<RunRecord> models = Runs.models(input.runs());
        if (models.isEmpty()) {
            return CheckOutcome.failed("The submission has no run of its model (only ablation variants or no runs"
                    + " at all), so its augmentation cannot be checked.");
        }
        String closest = null;
        for (RunRecord run : models) {
            List<LayerRecord> augmentation = run.model().layers().stream()
                    .filter(layer -> layer.type().startsWith("Random")).toList();
            List<String> alwaysOn = augmentation.stream().filter(layer -> !layer.trainingOnly())
                    .map(layer -> layer.name() + " (" + layer.type() + ")").toList();
            if (augmentation.size() >= minLayers && alwaysOn.isEmpty()) {
                return CheckOutcome.passed("The model of " + Runs.name(run) + " augments its data with "
                        + augmentation.stream().map(LayerRecord::type).distinct().toList()
                        + ", active in training only.");
            }
            if (!alwaysOn.isEmpty()) {
                closest = "In " + Runs.name(run) + " the augmentation layers " + alwaysOn + " also act at"
                        + " inference; augmentation must change the images only while training.";
            } else if (closest == null) {
                closest = "The model of " + Runs.name(run) + " has " + augmentation.size() + " augmentation layer"
                        + (augmentation.size() == 1 ? "" : "s") + "; at least " + minLayers + " (for example"
                        + " RandomFlip, RandomRotation, RandomZoom) are required.";
            }
        }
        return CheckOutcome.failed(closest);
    }
}
