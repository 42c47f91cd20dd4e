package org.backprop.grader.check;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks an assignment's rubric items can name (DESIGN.md, "Grading spec"). Those that are pure
 * functions of run records and report are implemented here; the rest ({@code reproduce}, {@code heldout},
 * {@code tests}) are known but not automatic yet, and {@code manual} never is: a TA scores those items.
 */
public final class CheckCatalogue {
    private static final Map<String, Check> AUTOMATIC = Map.of(
            "curves", new CurvesCheck(),
            "architecture", new ArchitectureCheck(),
            "augmentation-active", new AugmentationActiveCheck(),
            "ablation", new AblationCheck(),
            "report", new ReportCheck());
    private static final Set<String> BY_HAND = Set.of("reproduce", "heldout", "tests", "manual");

    private CheckCatalogue() {
    }

    /** Returns the check named {@code name} when it runs automatically; empty for checks a TA does. */
    public static Optional<Check> automatic(String name) {
        return Optional.ofNullable(AUTOMATIC.get(name));
    }

    /** Returns whether {@code name} is a check of the catalogue at all, automatic or not. */
    public static boolean known(String name) {
        return AUTOMATIC.containsKey(name) || BY_HAND.contains(name);
    }
}
