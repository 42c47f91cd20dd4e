package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backprop.nn.records.RunRecord;

/**
 * {@code ablation}: at least {@code min-variants} runs (default 2) tagged {@code ablation:<component>}, each
 * with metrics and each with a model that removes something from the baseline's (tagged
 * {@code ablation:baseline}, else the first run that is no variant). For components the check knows
 * (augmentation, batch-normalization, residual, separable-conv, dropout) the removed layers must be of
 * that kind. Parameter {@code components}: names that must each have a variant.
 */
final class AblationCheck implements Check {
    /** Known components by their name without case or separators, and the Keras type prefix of their layers. */
    private static final Map<String, String> LAYER_PREFIX = Map.ofEntries(
            Map.entry("augmentation", "Random"), Map.entry("dataaugmentation", "Random"),
            Map.entry("batchnormalization", "BatchNormalization"), Map.entry("batchnorm", "BatchNormalization"),
            Map.entry("bn", "BatchNormalization"), Map.entry("residual", "Add"), Map.entry("residuals", "Add"),
            Map.entry("separableconv", "SeparableConv2D"), Map.entry("separable", "SeparableConv2D"),
            Map.entry("separableconv2d", "SeparableConv2D"), Map.entry("dropout", "Dropout"));

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        params.allowOnly("min-variants", "components");
        int minVariants = params.integer("min-variants", 2, 1);
        List<String> components = params.strings("components", List.of());
        Optional<RunRecord> baseline = Runs.baseline(input.runs());
        if (baseline.isEmpty()) {
            return CheckOutcome.failed("There is no baseline run: tag the full model's run ablation:baseline and each"
                    + " variant ablation:<component it removes>.");
        }
        Set<String> ablated = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (RunRecord run : input.runs()) {
            Runs.variant(run).ifPresent(component -> judge(baseline.get(), run, component)
                    .ifPresentOrElse(problems::add, () -> ablated.add(normalize(component))));
        }
        List<String> missing = components.stream().filter(component -> !ablated.contains(normalize(component)))
                .toList();
        // Named components count first; other variants fill the places min-variants leaves beyond them.
        int required = Math.max(minVariants, components.size());
        Set<String> named = new LinkedHashSet<>(components.stream().map(AblationCheck::normalize).toList());
        long others = ablated.stream().filter(component -> !named.contains(component)).count();
        int earned = (components.size() - missing.size()) + (int) Math.min(others, required - components.size());
        StringBuilder message = new StringBuilder(ablated.size() + " ablation variant"
                + (ablated.size() == 1 ? "" : "s") + " against baseline " + Runs.name(baseline.get())
                + " remove a component and report metrics; " + required + " required.");
        if (!missing.isEmpty()) {
            message.append(" No variant removes ").append(String.join(", ", missing)).append('.');
        }
        problems.forEach(problem -> message.append(' ').append(problem));
        return CheckOutcome.scored(earned, required, message.toString());
    }

    /** Returns what is wrong with a variant, or nothing when it removes its component and has metrics. */
    private static Optional<String> judge(RunRecord baseline, RunRecord variant, String component) {
        if (variant.finalMetrics().isEmpty() && variant.testMetrics().isEmpty()) {
            return Optional.of(Runs.name(variant) + " has no metrics.");
        }
        Map<String, Integer> before = Runs.layerTypes(baseline.model());
        Map<String, Integer> after = Runs.layerTypes(variant.model());
        String prefix = LAYER_PREFIX.get(normalize(component));
        boolean removed = before.entrySet().stream()
                .filter(type -> prefix == null || type.getKey().startsWith(prefix))
                .anyMatch(type -> after.getOrDefault(type.getKey(), 0) < type.getValue());
        if (removed) {
            return Optional.empty();
        }
        return Optional.of(Runs.name(variant) + " is tagged ablation:" + component + " but its model removes "
                + (prefix == null ? "no layer" : "no " + prefix + (prefix.equals("Random") ? "* augmentation" : "")
                + " layer") + " of the baseline's.");
    }

    private static String normalize(String component) {
        return component.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
