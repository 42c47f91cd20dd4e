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

class CurvesCheckTest {
    private static final RunRecord TWO_EPOCHS = fit("baseline", Parts.ALL, 2, "baseline");

    @Test
    void passesRunsWithEveryCurveForEveryEpoch() {
        assertEquals(CheckOutcome.passed("Every handed-in run (1) has loss, val_loss, accuracy, val_accuracy for"
                + " every epoch (at least 2)."),
                evaluate("curves", honest(TWO_EPOCHS), Map.of("metrics", List.of("loss", "accuracy"), "minEpochs", 2)));
    }

    @Test
    void failsRunsShorterThanTheAssignmentAsks() {
        CheckOutcome outcome = evaluate("curves", honest(TWO_EPOCHS), Map.of("minEpochs", 5));
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict());
        assertTrue(outcome.message().contains("run \"baseline\" has 2 epochs; at least 5 are required."),
                outcome.message());
    }

    @Test
    void countsNothingForARunTheCodeDoesNotProduce() {
        ServerRun run = ServerRuns.run();
        CheckOutcome outcome = evaluate("curves", new CheckInput(run, ServerRuns.claims(run, TWO_EPOCHS), "",
                List.of()), Map.of());
        assertEquals(CheckOutcome.failed("0 of 1 handed-in runs have loss, val_loss, accuracy, val_accuracy for every"
                + " epoch (at least 1). run \"baseline\" is not produced by the submitted code: the submitted code"
                + " never trains a run named \"baseline\"."), outcome);
    }

    @Test
    void failsWhenNothingIsHandedIn() {
        assertEquals(CheckOutcome.failed("The submission hands in no runs, so there are no training curves."),
                evaluate("curves", new CheckInput(ServerRuns.run(TWO_EPOCHS), List.of(), "", List.of()), Map.of()));
    }
}
