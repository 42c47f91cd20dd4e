package org.backprop.grader.check;

import static org.backprop.grader.check.ServerRuns.evaluate;
import static org.backprop.grader.check.ServerRuns.fit;
import static org.backprop.grader.check.ServerRuns.honest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.backprop.grader.check.ServerRuns.Parts;
import org.junit.jupiter.api.Test;

class ArchitectureCheckTest {

    @Test
    void passesAModelWithEveryElement() {
        assertEquals(CheckOutcome.passed("The model of run \"full\", as the server's run built it, has residual,"
                + " batch-normalization, separable-conv."),
                evaluate("architecture", honest(fit("full", Parts.ALL, 1)), Map.of()));
    }

    @Test
    void givesPointsInProportionToTheElementsFound() {
        CheckOutcome outcome = evaluate("architecture", honest(fit("plain", Parts.ALL.without("separable-conv")
                .without("residual"), 1)), Map.of());
        assertEquals(new CheckOutcome(CheckOutcome.Verdict.PARTIAL, 1.0 / 3, "The model of run \"plain\", as the"
                + " server's run built it (the closest), has 1 of the 3 required elements; it lacks a residual"
                + " connection (an Add layer that adds a block's input to its output) and a depthwise separable"
                + " convolution (a SeparableConv2D layer)."), outcome);
    }

    @Test
    void refusesAnElementItDoesNotKnowWhenTheAssignmentIsImported() {
        assertEquals(List.of(new CheckCatalogue.ParamProblem("requires", "names \"attention\", which the check does"
                + " not know; it knows residual, batch-normalization, separable-conv")),
                CheckCatalogue.validate("architecture", Map.of("requires", List.of("residual", "attention"))));
    }
}
