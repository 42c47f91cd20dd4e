package org.backprop.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.ModelGraph;
import org.backprop.nn.records.RunRecord;

/**
 * How the checks read a team's runs: ablation variants are tagged {@code ablation:<component>}, the baseline
 * {@code ablation:baseline} (or, without that tag, the first run that is no variant); every run that is no
 * variant shows the team's model.
 */
final class Runs {
    static final String ABLATION = "ablation:";
    static final String BASELINE = ABLATION + "baseline";

    private Runs() {
    }

    /** Returns the runs that are no ablation variant: the ones that show the team's own model. */
    static List<RunRecord> models(List<RunRecord> runs) {
        List<RunRecord> models = new ArrayList<>();
        for (RunRecord run : runs) {
            if (variant(run).isEmpty()) {
                models.add(run);
            }
        }
        return models;
    }

    /** Returns the component a run removes, from its {@code ablation:<component>} tag; empty for other runs. */
    static Optional<String> variant(RunRecord run) {
        for (String tag : run.tags()) {
            if (tag.startsWith(ABLATION) && !tag.equals(BASELINE) && tag.length() > ABLATION.length()) {
                return Optional.of(tag.substring(ABLATION.length()));
            }
        }
        return Optional.empty();
    }

    /** Returns the run the variants are compared with. */
    static Optional<RunRecord> baseline(List<RunRecord> runs) {
        for (RunRecord run : runs) {
            if (run.tags().contains(BASELINE)) {
                return Optional.of(run);
            }
        }
        return models(runs).stream().findFirst();
    }

    /** Returns how many layers of each Keras type a model has. */
    static Map<String, Integer> layerTypes(ModelGraph model) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LayerRecord layer : model.layers()) {
            counts.merge(layer.type(), 1, Integer::sum);
        }
        return counts;
    }

    /** Returns "run "name"", as messages name runs. */
    static String name(RunRecord run) {
        return "run \"" + run.name() + "\"";
    }
}
