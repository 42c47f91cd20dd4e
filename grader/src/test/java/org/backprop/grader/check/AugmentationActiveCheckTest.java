package org.backprop.grader.check;

import static org.backprop.grader.check.ServerRuns.evaluate;
import static org.backprop.grader.check.ServerRuns.fit;
import static org.backprop.grader.check.ServerRuns.honest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.backprop.grader.check.ServerRuns.Parts;
import org.backprop.grader.check.ServerRuns.Wiring;
import org.backprop.grader.evidence.ServerRun;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

class AugmentationActiveCheckTest {
    private static final RunRecord AUGMENTED = fit("augmented", Parts.ALL, 1, "baseline");

    @Test
    void passesAugmentationTheProbeSawActOnlyInTraining() {
        assertEquals(CheckOutcome.passed("The model of run \"augmented\", as the server's run built it, augments its"
                + " data with [RandomFlip]: each changes a batch in training and leaves it as it is at inference."),
                evaluate("augmentation-active", honest(AUGMENTED), Map.of()));
    }

    @Test
    void passesAugmentationInADataAugmentationSequentialAsTheBookWritesIt() {
        RunRecord nested = fit("augmented", Parts.ALL.wired(Wiring.NESTED_SEQUENTIAL), 1, "baseline");
        assertEquals(CheckOutcome.passed("The model of run \"augmented\", as the server's run built it, augments its"
                + " data with [RandomFlip]: each changes a batch in training and leaves it as it is at inference."),
                evaluate("augmentation-active", honest(nested), Map.of()));
    }

    @Test
    void failsAugmentationLayersThatWereBuiltButNotWiredIntoTheModel() {
        RunRecord unwired = fit("augmented", Parts.ALL.wired(Wiring.NOT_WIRED), 1, "baseline");
        CheckOutcome outcome = evaluate("augmentation-active", honest(unwired), Map.of());
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict());
        assertTrue(outcome.message().contains("it has 0 augmentation layers") && outcome.message()
                .contains("Layers you create but never apply to the model's tensors are not part of it."),
                outcome.message());
    }

    @Test
    void failsAugmentationThatAlsoActsAtInferenceThoughItCallsItselfRandomFlip() {
        RunRecord alwaysOn = fit("augmented", Parts.ALL.wired(Wiring.ALSO_AT_INFERENCE), 1, "baseline");
        CheckOutcome outcome = evaluate("augmentation-active", honest(alwaysOn), Map.of());
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict());
        assertTrue(outcome.message().contains("it has 0 augmentation layers"), outcome.message());
        assertTrue(outcome.message().contains("the model gave different outputs for the same images at inference"),
                outcome.message());
    }

    @Test
    void asksForAsManyLayersAsTheAssignmentSays() {
        assertEquals(CheckOutcome.Verdict.FAILED,
                evaluate("augmentation-active", honest(AUGMENTED), Map.of("minLayers", 2)).verdict());
    }

    @Test
    void judgesTheServersRunNotTheClaims() {
        RunRecord plain = fit("augmented", Parts.ALL.without("augmentation"), 1, "baseline");
        ServerRun run = ServerRuns.run(plain);
        CheckInput claimsAugmentation = new CheckInput(run, ServerRuns.claims(run, AUGMENTED), "",
                java.util.List.of());
        assertEquals(CheckOutcome.Verdict.FAILED,
                evaluate("augmentation-active", claimsAugmentation, Map.of()).verdict());
    }
}
