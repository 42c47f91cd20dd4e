package org.backprop.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.backprop.grader.evidence.ServerRun;
import org.backprop.grader.heldout.HeldoutEvaluator;
import org.backprop.grader.heldout.HiddenSplit;
import org.backprop.grader.heldout.HiddenSplits;
import org.backprop.grader.heldout.SavedModelEvaluation;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.store.ShardWriter;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code heldout} check on real saved models (the library's own format) scored on a hidden split written as the
 * server stores one: 2×2 grey images, dark ones of class 0 and light ones of class 1.
 */
class HeldoutCheckTest {
    private static final int EXAMPLES = 8;

    @TempDir
    static Path store;
    static HiddenSplits splits;
    static byte[] learned;
    static byte[] threeClasses;

    @BeforeAll
    static void setUp() throws IOException {
        ShardWriter writer = new ShardWriter(2, 2, 1, EXAMPLES);
        float[] pixels = new float[EXAMPLES * 4];
        float[] labels = new float[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            int label = i % 2;
            byte[] image = new byte[4];
            for (int p = 0; p < 4; p++) {
                int value = label == 0 ? 10 + 5 * p + i : 200 + 5 * p + i;
                image[p] = (byte) value;
                pixels[i * 4 + p] = value;
            }
            writer.add(image, 0, label);
            labels[i] = label;
        }
        Files.write(store.resolve("shard"), writer.toBytes());
        splits = new HiddenSplits(List.of(new HiddenSplit("tiny", "test", 2, 2, 1, 2, List.of("shard"),
                store::resolve)));
        RandomSeed.set(1);
        Sequential model = new Sequential(Input.shape(2, 2, 1), new Rescaling(1.0 / 255), new Flatten(),
                new Dense(2, "softmax"));
        model.compile(new Adam(0.05), new SparseCategoricalCrossentropy(false), "accuracy");
        model.fit(Tensor.of(new int[] {EXAMPLES, 2, 2, 1}, pixels), Tensor.of(new int[] {EXAMPLES}, labels),
                FitOptions.epochs(100).batchSize(8).verbose(0));
        learned = SavedModels.toBytes(model);
        Sequential wrong = new Sequential(Input.shape(2, 2, 1), new Flatten(), new Dense(3, "softmax"));
        threeClasses = SavedModels.toBytes(wrong);
    }

    @Test
    void scoresTheSavedModelOnTheHiddenSplit() {
        CheckOutcome outcome = evaluate(Map.of("tiny", learned), Map.of("dataset", "tiny", "threshold", 0.6));
        assertEquals(CheckOutcome.passed("The model your program saved as \"tiny\" (in the server's run) has accuracy"
                + " 1.0000 on the hidden split of tiny (8 images); 0.6 earns full points."), outcome);
    }

    @Test
    void scalesPointsBetweenTheThresholdAndFullPoints() {
        CheckOutcome outcome = evaluate(Map.of("final", learned), Map.of("dataset", "tiny", "model", "final",
                "threshold", 0.5, "fullPointsAt", 1.5));
        assertEquals(CheckOutcome.Verdict.PARTIAL, outcome.verdict(), outcome.message());
        assertEquals(0.5, outcome.fraction(), 1e-9);
    }

    @Test
    void failsWhenTheProgramSavedNoModelOfThatName() {
        assertEquals(CheckOutcome.failed("Your program, as the server ran it, saved no model named \"tiny\" (it saved"
                + " final). Save your final model with model.save(\"tiny\") after training it."),
                evaluate(Map.of("final", learned), Map.of("dataset", "tiny")));
    }

    @Test
    void failsAModelThatDoesNotFitTheDatasetsClasses() {
        CheckOutcome outcome = evaluate(Map.of("tiny", threeClasses), Map.of("dataset", "tiny"));
        assertEquals(CheckOutcome.failed("The model your program saved as \"tiny\" was not scored: it could not predict"
                + " the tiny images (2x2x1): it outputs [8, 3] per batch where 2 class scores per image are needed."),
                outcome);
    }

    @Test
    void failsAFileThatIsNoSavedModel() {
        CheckOutcome outcome = evaluate(Map.of("tiny", new byte[] {1, 2, 3}), Map.of("dataset", "tiny"));
        assertEquals(CheckOutcome.Verdict.FAILED, outcome.verdict());
        assertTrue(outcome.message().startsWith("The model your program saved as \"tiny\" was not scored: the saved"
                + " model could not be read: "), outcome.message());
    }

    @Test
    void leavesTheItemToATaWhenTheCourseHasNoHiddenSplit() {
        assertEquals(CheckOutcome.needsReview("A TA scores this item: the course has no hidden split of flowers to"
                + " evaluate on."), evaluate(Map.of("flowers", learned), Map.of("dataset", "flowers")));
    }

    @Test
    void refusesAMetricItCannotCompute() {
        assertEquals(List.of(new CheckCatalogue.ParamProblem("metric", "must be accuracy, the one metric held-out"
                + " evaluation computes, got f1")), CheckCatalogue.validate("heldout", Map.of("dataset", "tiny",
                        "metric", "f1")));
    }

    private static CheckOutcome evaluate(Map<String, byte[]> saved, Map<String, Object> params) {
        ServerRun run = new ServerRun(List.of(), saved, null);
        CheckInput input = new CheckInput(run, List.of(), "", List.of(), new SavedModelEvaluation(run, splits,
                new HeldoutEvaluator(Duration.ofMinutes(1))));
        return ServerRuns.evaluate("heldout", input, params);
    }
}
