package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backprop.grader.evidence.ClaimMatch;
import org.backprop.grader.evidence.RunTags;
import org.backprop.nn.Numbers;
import org.backprop.nn.records.RunRecord;

/**
 * {@code ablation}: the handed-in study. For each dataset with a handed-in baseline, each handed-in variant
 * (tagged {@code ablation:no-<component>}) must be a fit the submitted code makes, report metrics, and — compared
 * on the graphs the server's run builds — remove exactly the component it names from that baseline. A component
 * counts when its variant is right on every such dataset. At least {@code minVariants} components, and each of
 * {@code components}, are required.
 */
final class AblationCheck implements Check {

    @Override
    public CheckOutcome evaluate(CheckInput input, CheckParams params) {
        List<String> components = params.texts("components");
        int required = Math.max(params.integer("minVariants"), components.size());
        Map<String, ClaimMatch> baselines = new LinkedHashMap<>();
        for (ClaimMatch match : input.claims()) {
            if (match.produced() && RunTags.isModel(match.claim().record())) {
                baselines.putIfAbsent(dataset(match), match);
            }
        }
        if (baselines.isEmpty()) {
            return CheckOutcome.failed("No handed-in run is a baseline the submitted code produces: hand in the full"
                    + " model's run, tagged \"baseline\", and one run per removed component, tagged"
                    + " \"ablation:no-<component>\".");
        }
        Map<String, Set<String>> rightOn = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ClaimMatch match : input.claims()) {
            Optional<String> component = RunTags.removedComponent(match.claim().record());
            if (component.isEmpty()) {
                continue;
            }
            String key = AblationDiff.normalize(component.get());
            names.putIfAbsent(key, component.get());
            ClaimMatch baseline = baselines.get(dataset(match));
            Optional<String> problem = problem(match, baseline, component.get());
            if (problem.isPresent()) {
                problems.add(match.claim().label() + ": " + problem.get() + ".");
            } else {
                rightOn.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(dataset(match));
                lines.add(line(match, baseline));
            }
        }
        Set<String> ablated = new LinkedHashSet<>();
        rightOn.forEach((component, datasets) -> {
            if (datasets.containsAll(baselines.keySet())) {
                ablated.add(component);
            } else {
                Set<String> lacking = new LinkedHashSet<>(baselines.keySet());
                lacking.removeAll(datasets);
                problems.add("No right variant removes " + names.get(component) + " on " + String.join(", ", lacking)
                        + ".");
            }
        });
        List<String> missing = components.stream().filter(c -> !ablated.contains(AblationDiff.normalize(c))).toList();
        Set<String> named = new LinkedHashSet<>(components.stream().map(AblationDiff::normalize).toList());
        long others = ablated.stream().filter(component -> !named.contains(component)).count();
        int earned = (components.size() - missing.size()) + (int) Math.min(others, required - components.size());
        StringBuilder message = new StringBuilder(ablated.size() + " component" + (ablated.size() == 1 ? " is" : "s are")
                + " ablated right on " + String.join(" and ", baselines.keySet()) + " (the server's run builds each"
                + " variant as the baseline without it); " + required + " required.");
        if (!missing.isEmpty()) {
            message.append(" Not ablated right: ").append(String.join(", ", missing)).append('.');
        }
        problems.forEach(problem -> message.append(' ').append(problem));
        if (!lines.isEmpty()) {
            message.append("\n").append(String.join("\n", lines));
        }
        return CheckOutcome.scored(earned, required, message.toString());
    }

    private static Optional<String> problem(ClaimMatch variant, ClaimMatch baseline, String component) {
        if (baseline == null) {
            return Optional.of("there is no handed-in baseline on " + dataset(variant) + " to compare it with");
        }
        if (!variant.produced()) {
            return Optional.of("the submitted code does not produce it: " + variant.reason());
        }
        RunRecord claimed = variant.claim().record();
        if (claimed.finalMetrics().isEmpty() && claimed.testMetrics().isEmpty()) {
            return Optional.of("it reports no metrics");
        }
        return AblationDiff.problem(baseline.serverRecord().orElseThrow().model(),
                variant.serverRecord().orElseThrow().model(), component);
    }

    private static String line(ClaimMatch variant, ClaimMatch baseline) {
        String metric = variant.claim().record().finalMetrics().containsKey("val_accuracy") ? "val_accuracy" : "loss";
        Double value = variant.claim().record().finalMetrics().get(metric);
        Double base = baseline.claim().record().finalMetrics().get(metric);
        return "- " + dataset(variant) + ", " + variant.claim().record().name() + ": removes "
                + AblationDiff.removed(baseline.serverRecord().orElseThrow().model(),
                        variant.serverRecord().orElseThrow().model())
                + (value == null || base == null ? "" : "; " + metric + " " + Numbers.format(value, 4) + " against the"
                        + " baseline's " + Numbers.format(base, 4));
    }

    private static String dataset(ClaimMatch match) {
        return match.claim().record().dataset().name();
    }
}
