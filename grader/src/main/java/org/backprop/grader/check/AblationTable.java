package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backprop.grader.evidence.RunTags;
import org.backprop.nn.records.RunRecord;

/**
 * An ablation study as a team reads it in its experiment log: the baseline run, and per component the newest
 * variant, with what its graph removes from the baseline's (the same diff the ablation check grades by) and its
 * final metric against the baseline's. The study's runs are those the {@link RunTags} name.
 *
 * @param metric the final metric compared: the first of val_accuracy, accuracy, val_loss, loss the baseline has
 * @param baseline the newest run tagged as the baseline, or null when there is none
 */
public record AblationTable(String metric, Row baseline, List<Variant> variants) {
    private static final List<String> METRICS = List.of("val_accuracy", "accuracy", "val_loss", "loss");

    /** A run of the log: its id there and its record. */
    public record Entry(long runId, RunRecord record) {
    }

    public record Row(long runId, String name, Double value) {
    }

    /**
     * @param removed what the variant's graph lacks of the baseline's, in words ("2× Add [7, 7, 32]"); empty when
     *     nothing
     * @param problem why the variant does not isolate its component, or null when it does
     * @param delta the variant's metric minus the baseline's, or null when either is missing
     */
    public record Variant(long runId, String name, String component, String removed, String problem, Double value,
            Double delta) {
    }

    /** Builds the table from a log's runs, newest first. */
    public static AblationTable of(List<Entry> newestFirst) {
        Optional<Entry> baseline = newestFirst.stream().filter(entry -> RunTags.isBaseline(entry.record())).findFirst();
        if (baseline.isEmpty()) {
            return new AblationTable(null, null, List.of());
        }
        RunRecord base = baseline.get().record();
        String metric = METRICS.stream().filter(base.finalMetrics()::containsKey).findFirst().orElse(null);
        Double baseValue = value(base.finalMetrics(), metric);
        List<Variant> variants = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Entry entry : newestFirst) {
            Optional<String> component = RunTags.removedComponent(entry.record());
            if (component.isEmpty() || !seen.add(AblationDiff.normalize(component.get()))) {
                continue;
            }
            RunRecord variant = entry.record();
            Double value = value(variant.finalMetrics(), metric);
            variants.add(new Variant(entry.runId(), variant.name(), component.get(),
                    AblationDiff.removed(base.model(), variant.model()),
                    AblationDiff.problem(base.model(), variant.model(), component.get()).orElse(null), value,
                    value == null || baseValue == null ? null : value - baseValue));
        }
        return new AblationTable(metric, new Row(baseline.get().runId(), base.name(), baseValue), variants);
    }

    private static Double value(Map<String, Double> metrics, String metric) {
        Double value = metric == null ? null : metrics.get(metric);
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
