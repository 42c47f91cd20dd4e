package org.backprop.grader.evidence;

import java.util.Optional;
import org.backprop.nn.records.RunRecord;

/**
 * How runs say what they are in an ablation study: the baseline is tagged {@code baseline} (or
 * {@code ablation:baseline}); a variant {@code ablation:no-<component>} (or {@code ablation:<component>}) for the
 * component it removes. A run with neither tag shows the team's model as a baseline does.
 */
public final class RunTags {
    static final String ABLATION = "ablation:";

    private RunTags() {
    }

    /** Returns the component a run removes, e.g. "residual" for {@code ablation:no-residual}; empty for others. */
    public static Optional<String> removedComponent(RunRecord run) {
        for (String tag : run.tags()) {
            if (tag.startsWith(ABLATION) && tag.length() > ABLATION.length() && !isBaselineTag(tag)) {
                String component = tag.substring(ABLATION.length());
                return Optional.of(component.startsWith("no-") && component.length() > 3 ? component.substring(3)
                        : component);
            }
        }
        return Optional.empty();
    }

    /** Returns whether a run is no ablation variant: it shows the team's model. */
    public static boolean isModel(RunRecord run) {
        return removedComponent(run).isEmpty();
    }

    /** Returns whether a run is tagged as the study's baseline. */
    public static boolean isBaseline(RunRecord run) {
        return run.tags().stream().anyMatch(RunTags::isBaselineTag);
    }

    private static boolean isBaselineTag(String tag) {
        return tag.equals("baseline") || tag.equals(ABLATION + "baseline");
    }
}
