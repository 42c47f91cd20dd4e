package org.backprop.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.Test;

class CurvesCheckTest {
    private static final RunRecord WITH_VALIDATION = TrainedRuns.train("baseline", TrainedRuns.Parts.ALL);
    private static final RunRecord WITHOUT_VALIDATION = TrainedRuns.trainWithoutValidation("quick");
    private final Check check = CheckCatalogue.automatic("curves").orElseThrow();

    @Test
    void passesARunTrainedWithValidationData() {
        CheckOutcome outcome = evaluate(List.of(WITH_VALIDATION), Map.of());
        assertEquals(CheckOutcome.passed("Every run (1) has loss, val_loss, accuracy, val_accuracy for every epoch."),
                outcome);
    }

    @Test
    void givesHalfThePointsWhenOneOfTwoRunsLacksTheValidationCurves() {
        CheckOutcome outcome = evaluate(List.of(WITH_VALIDATION, WITHOUT_VALIDATION), Map.of());
        assertEquals(new CheckOutcome(CheckOutcome.Verdict.PARTIAL, 0.5, "1 of 2 runs have loss, val_loss, accuracy,"
                + " val_accuracy for every epoch. run \"quick\" has no val_loss, val_accuracy. Train with validation"
                + " data (validationSplit or validationData) to get the val_ curves."), outcome);
    }

    @Test
    void failsForAMetricTheRunsDidNotTrack() {
        CheckOutcome outcome = evaluate(List.of(WITH_VALIDATION), Map.of("metric", "auc"));
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict(), outcome::message);
        assertEquals("0 of 1 runs have loss, val_loss, auc, val_auc for every epoch. run \"baseline\" has no auc,"
                + " val_auc. Train with validation data (validationSplit or validationData) to get the val_ curves.",
                outcome.message());
    }

    @Test
    void failsWithoutRuns() {
        assertEquals(CheckOutcome.failed("The submission has no run records, so there are no training curves."),
                evaluate(List.of(), Map.of()));
    }

    private CheckOutcome evaluate(List<RunRecord> runs, Map<String, Object> params) {
        return check.evaluate(new CheckInput(runs, "", List.of()), CheckParams.of("curves", params));
    }
}
