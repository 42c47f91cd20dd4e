package org.backprop.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

class ArchitectureCheckTest {
    private static final RunRecord FULL = TrainedRuns.train("full", TrainedRuns.Parts.ALL);
    private static final RunRecord PLAIN = TrainedRuns.train("plain", new TrainedRuns.Parts(true, true, false, false));
    private final Check check = CheckCatalogue.automatic("architecture").orElseThrow();

    @Test
    void passesAModelWithResidualBatchNormalizationAndSeparableConvolution() {
        assertEquals(CheckOutcome.passed("The model of run \"full\" has residual, batch-normalization,"
                + " separable-conv."), evaluate(List.of(PLAIN, FULL), Map.of()));
    }

    @Test
    void givesATHirdOfThePointsForOneElementOfThree() {
        CheckOutcome outcome = evaluate(List.of(PLAIN), Map.of());
        assertEquals(CheckOutcome.Verdict.PARTIAL, outcome.verdict());
        assertEquals(1.0 / 3, outcome.fraction(), 1e-12);
        assertEquals("The model of run \"plain\" (the closest) has 1 of the 3 required elements; it lacks a residual"
                + " connection (an Add layer that adds a block's input to its output) and a depthwise separable"
                + " convolution (a SeparableConv2D layer).", outcome.message());
    }

    @Test
    void checksOnlyTheElementsTheAssignmentRequires() {
        assertEquals(CheckOutcome.Verdict.PASSED, evaluate(List.of(PLAIN), Map.of("require",
                List.of("batch-normalization"))).verdict());
    }

    @Test
    void looksAtTheTeamsModelNotAtAblationVariants() {
        RunRecord variant = TrainedRuns.train("no-bn", TrainedRuns.Parts.ALL, "ablation:batch-normalization");
        CheckOutcome outcome = evaluate(List.of(variant), Map.of());
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict());
    }

    @Test
    void refusesAnElementItDoesNotKnow() {
        InvalidCheckParamsException error = assertThrows(InvalidCheckParamsException.class,
                () -> evaluate(List.of(FULL), Map.of("require", List.of("attention"))));
        assertEquals("The check \"architecture\" knows no element \"attention\"; it knows residual,"
                + " batch-normalization and separable-conv.", error.getMessage());
    }

    private CheckOutcome evaluate(List<RunRecord> runs, Map<String, Object> params) {
        return check.evaluate(new CheckInput(runs, "", List.of()), CheckParams.of("architecture", params));
    }
}
