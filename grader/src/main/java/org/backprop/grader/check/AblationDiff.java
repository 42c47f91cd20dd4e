package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.backprop.grader.evidence.ModelGraphs;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.ModelGraph;

/**
 * Decides whether a variant's graph removes exactly one component from the baseline's: the layers it lacks are
 * the component's (with what removing it takes along, e.g. a residual's 1×1 projection), it lacks at least one
 * layer that marks the component, and it adds nothing but the component's replacement (a plain Conv2D for a
 * separable one). Layers are compared by type and output shape, so a variant that also narrows a layer shows.
 */
final class AblationDiff {
    /** What removing a component may take away and put in its place. */
    private record Component(Set<String> marks, Set<String> mayAlsoRemove, Set<String> mayAdd) {
    }

    private static final Map<String, Component> COMPONENTS = Map.of(
            "augmentation", new Component(Set.copyOf(CheckCatalogue.AUGMENTATION_LAYERS), Set.of(), Set.of()),
            "batchnormalization", new Component(Set.of("BatchNormalization"), Set.of(), Set.of()),
            "residual", new Component(Set.of("Add"), Set.of("Conv2D", "BatchNormalization"), Set.of()),
            "separableconv", new Component(Set.of("SeparableConv2D"), Set.of(), Set.of("Conv2D")),
            "dropout", new Component(Set.of("Dropout"), Set.of(), Set.of()));
    private static final Map<String, String> ALIASES = Map.of("dataaugmentation", "augmentation", "batchnorm",
            "batchnormalization", "bn", "batchnormalization", "residuals", "residual", "residualconnections",
            "residual", "separable", "separableconv", "separableconv2d", "separableconv", "depthwiseseparableconv",
            "separableconv");

    /** A layer as the diff counts it: its type, whether the library wrote it, its output shape. */
    private record LayerKind(String type, boolean library, List<Integer> outputShape) implements Comparable<LayerKind> {
        /** Returns whether this is one of the library's layers of a type in {@code types}; a student's class never is. */
        boolean isOneOf(Set<String> types) {
            return library && types.contains(type);
        }

        @Override
        public int compareTo(LayerKind other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return (library ? "" : "your own ") + type + " " + outputShape;
        }
    }

    private AblationDiff() {
    }

    /** Returns the component's name without case or separators, aliases resolved: "Batch-Norm" → batchnormalization. */
    static String normalize(String component) {
        String plain = component.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return ALIASES.getOrDefault(plain, plain);
    }

    /** Returns what is wrong with {@code variant} as the baseline without {@code component}; empty when right. */
    static Optional<String> problem(ModelGraph baseline, ModelGraph variant, String component) {
        Map<LayerKind, Integer> before = counts(baseline);
        Map<LayerKind, Integer> after = counts(variant);
        Map<LayerKind, Integer> removed = minus(before, after);
        Map<LayerKind, Integer> added = minus(after, before);
        if (removed.isEmpty() && added.isEmpty()) {
            return Optional.of("its model is the baseline's: it removes nothing");
        }
        Component known = COMPONENTS.get(normalize(component));
        if (known == null) {
            return removed.isEmpty() ? Optional.of("it removes nothing from the baseline's model (it adds "
                    + describe(added) + ")") : Optional.empty();
        }
        boolean marksRemoved = removed.keySet().stream().anyMatch(layer -> layer.isOneOf(known.marks()));
        if (!marksRemoved) {
            return Optional.of("it removes no " + String.join("/", new java.util.TreeSet<>(known.marks()))
                    + " layer of the baseline's" + (removed.isEmpty() ? "" : " (it removes " + describe(removed) + ")"));
        }
        List<String> extra = new ArrayList<>();
        removed.forEach((layer, count) -> {
            if (!layer.isOneOf(known.marks()) && !layer.isOneOf(known.mayAlsoRemove())) {
                extra.add("removes " + count + "× " + layer);
            }
        });
        added.forEach((layer, count) -> {
            if (!layer.isOneOf(known.mayAdd())) {
                extra.add("adds " + count + "× " + layer);
            }
        });
        return extra.isEmpty() ? Optional.empty() : Optional.of("besides " + component + " it also "
                + String.join(", ", extra) + ", so it does not isolate " + component);
    }

    /** Returns what {@code variant} removes from the baseline, in words: "2× Add [7, 7, 32], 2× Conv2D [7, 7, 32]". */
    static String removed(ModelGraph baseline, ModelGraph variant) {
        return describe(minus(counts(baseline), counts(variant)));
    }

    private static Map<LayerKind, Integer> counts(ModelGraph graph) {
        Map<LayerKind, Integer> counts = new TreeMap<>();
        for (LayerRecord layer : graph.layers()) {
            counts.merge(new LayerKind(layer.type(), ModelGraphs.isLibrary(layer), layer.outputShape()), 1,
                    Integer::sum);
        }
        return counts;
    }

    private static Map<LayerKind, Integer> minus(Map<LayerKind, Integer> a, Map<LayerKind, Integer> b) {
        Map<LayerKind, Integer> difference = new LinkedHashMap<>();
        a.forEach((layer, count) -> {
            int left = count - b.getOrDefault(layer, 0);
            if (left > 0) {
                difference.put(layer, left);
            }
        });
        return difference;
    }

    private static String describe(Map<LayerKind, Integer> layers) {
        List<String> parts = new ArrayList<>();
        layers.forEach((layer, count) -> parts.add(count + "× " + layer));
        return String.join(", ", parts);
    }
}
