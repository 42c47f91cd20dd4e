package org.backprop.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

class AblationCheckTest {
    private static final RunRecord BASELINE = TrainedRuns.train("baseline", TrainedRuns.Parts.ALL, "ablation:baseline");
    private static final RunRecord NO_AUGMENTATION = TrainedRuns.train("no-aug",
            new TrainedRuns.Parts(false, true, true, true), "ablation:augmentation");
    private static final RunRecord NO_BATCH_NORM = TrainedRuns.train("no-bn",
            new TrainedRuns.Parts(true, false, true, true), "ablation:batch-normalization");
    private static final RunRecord NO_RESIDUAL_IN_NAME_ONLY = TrainedRuns.train("no-res", TrainedRuns.Parts.ALL,
            "ablation:residual");
    private final Check check = CheckCatalogue.automatic("ablation").orElseThrow();

    @Test
    void passesTwoVariantsThatEachRemoveTheirComponent() {
        assertEquals(CheckOutcome.passed("2 ablation variants against baseline run \"baseline\" remove a component and"
                + " report metrics; 2 required."), evaluate(List.of(BASELINE, NO_AUGMENTATION, NO_BATCH_NORM), Map.of()));
    }

    @Test
    void doesNotCountAVariantWhoseModelStillHasTheComponent() {
        CheckOutcome outcome = evaluate(List.of(BASELINE, NO_AUGMENTATION, NO_RESIDUAL_IN_NAME_ONLY), Map.of());
        assertEquals(new CheckOutcome(CheckOutcome.Verdict.PARTIAL, 0.5, "1 ablation variant against baseline run"
                + " \"baseline\" remove a component and report metrics; 2 required. run \"no-res\" is tagged"
                + " ablation:residual but its model removes no Add layer of the baseline's."), outcome);
    }

    @Test
    void requiresEveryComponentTheAssignmentNames() {
        CheckOutcome outcome = evaluate(List.of(BASELINE, NO_AUGMENTATION, NO_BATCH_NORM),
                Map.of("components", List.of("augmentation", "residual"), "min-variants", 3));
        assertEquals(CheckOutcome.Verdict.PARTIAL, outcome.verdict());
        assertEquals(2.0 / 3, outcome.fraction(), 1e-12, outcome::message);
        assertEquals("2 ablation variants against baseline run \"baseline\" remove a component and report metrics;"
                + " 3 required. No variant removes residual.", outcome.message());
    }

    @Test
    void takesTheFirstRunThatIsNoVariantAsBaselineWhenNoneIsTagged() {
        RunRecord untagged = TrainedRuns.train("model", TrainedRuns.Parts.ALL);
        assertEquals(CheckOutcome.Verdict.PASSED,
                evaluate(List.of(NO_AUGMENTATION, untagged, NO_BATCH_NORM), Map.of()).verdict());
    }

    @Test
    void failsWithoutABaseline() {
        assertEquals(CheckOutcome.failed("There is no baseline run: tag the full model's run ablation:baseline and"
                + " each variant ablation:<component it removes>."),
                evaluate(List.of(NO_AUGMENTATION, NO_BATCH_NORM), Map.of()));
    }

    private CheckOutcome evaluate(List<RunRecord> runs, Map<String, Object> params) {
        return check.evaluate(new CheckInput(runs, "", List.of()), CheckParams.of("ablation", params));
    }
}
