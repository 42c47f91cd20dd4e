package org.backprop.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.junit.jupiter.api.Test;

class AugmentationActiveCheckTest {
    private static final RunRecord AUGMENTED = TrainedRuns.train("augmented", TrainedRuns.Parts.ALL);
    private static final RunRecord PLAIN = TrainedRuns.train("plain", new TrainedRuns.Parts(false, true, true, true));
    private final Check check = CheckCatalogue.automatic("augmentation-active").orElseThrow();

    @Test
    void passesAModelWhoseAugmentationActsOnlyInTraining() {
        assertEquals(CheckOutcome.passed("The model of run \"augmented\" augments its data with [RandomFlip], active"
                + " in training only."), evaluate(List.of(PLAIN, AUGMENTED), Map.of()));
    }

    @Test
    void failsAModelWithoutAugmentation() {
        assertEquals(CheckOutcome.failed("The model of run \"plain\" has 0 augmentation layers; at least 1 (for"
                + " example RandomFlip, RandomRotation, RandomZoom) are required."), evaluate(List.of(PLAIN), Map.of()));
    }

    @Test
    void asksForAsManyLayersAsTheAssignmentSays() {
        assertEquals(CheckOutcome.Verdict.FAILED, evaluate(List.of(AUGMENTED), Map.of("min-layers", 2)).verdict());
    }

    @Test
    void failsAugmentationThatAlsoActsAtInference() {
        String json = RunRecordJson.write(AUGMENTED);
        RunRecord edited = RunRecordJson.read(json.replaceFirst("\"trainingOnly\":\\s*true", "\"trainingOnly\": false"));
        LayerRecord flip = edited.model().layers().stream().filter(layer -> layer.type().equals("RandomFlip"))
                .findFirst().orElseThrow();
        assertEquals(false, flip.trainingOnly(), "the edit reached the flip layer: " + json);
        CheckOutcome outcome = evaluate(List.of(edited), Map.of());
        assertEquals(CheckOutcome.failed("In run \"augmented\" the augmentation layers [" + flip.name()
                + " (RandomFlip)] also act at inference; augmentation must change the images only while training."),
                outcome);
    }

    private CheckOutcome evaluate(List<RunRecord> runs, Map<String, Object> params) {
        return check.evaluate(new CheckInput(runs, "", List.of()), CheckParams.of("augmentation-active", params));
    }
}
