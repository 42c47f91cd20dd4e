package org.backprop.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backprop.grader.result.Visibility;
import org.junit.jupiter.api.Test;

class CheckCatalogueTest {

    @Test
    void namesEveryCheckOfTheGradingSpec() {
        assertEquals("augmentation-active, architecture, ablation, curves, reproduce, heldout, report, tests, manual",
                CheckCatalogue.names());
    }

    @Test
    void refusesUnknownParametersWrongTypesAndMissingRequiredOnesNamingEach() {
        assertEquals(List.of(new CheckCatalogue.ParamProblem("min-variants", "is not a parameter of ablation; it takes"
                + " components, minVariants")), CheckCatalogue.validate("ablation", Map.of("min-variants", 2)));
        assertEquals(List.of(new CheckCatalogue.ParamProblem("minVariants", "must be a whole number of at least 1")),
                CheckCatalogue.validate("ablation", Map.of("minVariants", 0)));
        assertEquals(List.of(new CheckCatalogue.ParamProblem("dataset", "is required: the dataset whose hidden split"
                + " is used")), CheckCatalogue.validate("heldout", Map.of("threshold", 0.6)));
        assertEquals(List.of(new CheckCatalogue.ParamProblem(null, "\"curve\" is not a check; use one of "
                + CheckCatalogue.names())), CheckCatalogue.validate("curve", Map.of()));
    }

    @Test
    void acceptsTheParametersOfTheHomeworksRubric() {
        assertTrue(CheckCatalogue.validate("augmentation-active", Map.of("layers", List.of("RandomFlip",
                "RandomRotation", "RandomZoom"))).isEmpty());
        assertTrue(CheckCatalogue.validate("curves", Map.of("metrics", List.of("loss", "accuracy"), "minEpochs", 5))
                .isEmpty());
        assertTrue(CheckCatalogue.validate("report", Map.of("sections", List.of("Datasets"), "membersNamed", true,
                "everyMemberRan", true)).isEmpty());
        assertTrue(CheckCatalogue.validate("reproduce", Map.of("metric", "val_accuracy", "tolerance", 0.02)).isEmpty());
    }

    @Test
    void hidesHeldOutAndHiddenTestResultsUntilTheDeadline() {
        assertEquals(Visibility.AFTER_DUE, CheckCatalogue.spec("heldout").orElseThrow().defaultVisibility());
        assertEquals(Visibility.AFTER_DUE, CheckCatalogue.spec("tests").orElseThrow().defaultVisibility());
        assertEquals(Visibility.VISIBLE, CheckCatalogue.spec("ablation").orElseThrow().defaultVisibility());
    }
}
