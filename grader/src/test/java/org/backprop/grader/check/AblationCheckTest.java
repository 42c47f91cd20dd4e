package org.backprop.grader.check;

import static org.backprop.grader.check.ServerRuns.evaluate;
import static org.backprop.grader.check.ServerRuns.fit;
import static org.backprop.grader.check.ServerRuns.honest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backprop.grader.check.ServerRuns.Parts;
import org.backprop.grader.evidence.ServerRun;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

class AblationCheckTest {
    private static final List<String> COMPONENTS = List.of("augmentation", "residual", "batch-normalization",
            "separable-conv");
    private static final RunRecord BASELINE = fit("baseline", Parts.ALL, 1, "baseline");
    private static final Map<String, Object> ALL_FOUR = Map.of("components", COMPONENTS, "minVariants", 4);

    @Test
    void passesAStudyWhoseVariantsEachRemoveExactlyTheirComponent() {
        CheckOutcome outcome = evaluate("ablation", honest(study(COMPONENTS)), ALL_FOUR);
        assertEquals(CheckOutcome.Verdict.PASSED, outcome.verdict(), outcome.message());
        assertTrue(outcome.message().startsWith("4 components are ablated right on tiny-images"), outcome.message());
        assertTrue(outcome.message().contains("- tiny-images, no-residual: removes 1× Add [4, 4, 2]"),
                outcome.message());
    }

    @Test
    void failsVariantsThatRemoveNothing() {
        RunRecord[] runs = {BASELINE, fit("no-residual", Parts.ALL, 1, "ablation:no-residual"),
            fit("no-batch-normalization", Parts.ALL, 1, "ablation:no-batch-normalization")};
        CheckOutcome outcome = evaluate("ablation", honest(runs), Map.of());
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict(), outcome.message());
        assertTrue(outcome.message().contains("run \"no-residual\": its model is the baseline's: it removes nothing."),
                outcome.message());
    }

    @Test
    void failsAVariantThatRemovesMoreThanItNames() {
        RunRecord both = fit("no-batch-normalization", Parts.ALL.without("batch-normalization").without("residual"), 1,
                "ablation:no-batch-normalization");
        CheckOutcome outcome = evaluate("ablation", honest(BASELINE, both,
                fit("no-augmentation", Parts.ALL.without("augmentation"), 1, "ablation:no-augmentation")), Map.of());
        assertEquals(new CheckOutcome(CheckOutcome.Verdict.PARTIAL, 0.5, outcome.message()), outcome);
        assertTrue(outcome.message().contains("besides batch-normalization it also removes 1× Add [4, 4, 2], so it"
                + " does not isolate batch-normalization"), outcome.message());
    }

    @Test
    void doesNotCountAVariantTheSubmittedCodeDoesNotBuild() {
        RunRecord claimed = fit("no-residual", Parts.ALL.without("residual"), 1, "ablation:no-residual");
        RunRecord actual = fit("no-residual", Parts.ALL, 1, "ablation:no-residual");
        ServerRun run = ServerRuns.run(BASELINE, actual);
        CheckOutcome outcome = evaluate("ablation", new CheckInput(run, ServerRuns.claims(run, BASELINE, claimed), "",
                List.of()), Map.of("minVariants", 1));
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict());
        assertTrue(outcome.message().contains("run \"no-residual\": the submitted code does not produce it: its model"
                + " is not the one the code builds"), outcome.message());
    }

    @Test
    void failsWithoutAHandedInBaseline() {
        CheckOutcome outcome = evaluate("ablation", honest(fit("no-residual", Parts.ALL.without("residual"), 1,
                "ablation:no-residual")), Map.of());
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict());
        assertTrue(outcome.message().startsWith("No handed-in run is a baseline"), outcome.message());
    }

    private static RunRecord[] study(List<String> components) {
        RunRecord[] runs = new RunRecord[components.size() + 1];
        runs[0] = BASELINE;
        for (int i = 0; i < components.size(); i++) {
            runs[i + 1] = fit("no-" + components.get(i), Parts.ALL.without(components.get(i)), 1,
                    "ablation:no-" + components.get(i));
        }
        return runs;
    }
}
