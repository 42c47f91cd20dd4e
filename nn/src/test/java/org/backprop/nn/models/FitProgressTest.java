package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.Test;

/** Progress reports within an epoch: when they come, what they say, and that they change nothing else. */
class FitProgressTest {
    private static final Tensor X = BenchModels.uniform(3, 10, 4);
    private static final Tensor Y = BenchModels.labels(4, 10, 3);

    /** Records every progress report as "epoch.step: loss accuracy". */
    private static final class Reports extends Callback {
        final List<String> steps = new ArrayList<>();
        final List<Map<String, Double>> logs = new ArrayList<>();

        @Override
        public void onBatchEnd(Model model, int epoch, int step, Map<String, Double> values) {
            steps.add(epoch + "." + step);
            logs.add(values);
        }
    }

    private static Sequential model() {
        RandomSeed.set(5);
        Sequential model = new Sequential(Input.shape(4), new Dense(8, "relu"), new Dense(3, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        return model;
    }

    @Test
    void reportsTheEpochSoFarEveryNStepsAndNeverOnTheLast() {
        Reports reports = new Reports();
        // 10 examples in batches of 2: 5 steps an epoch, reports after steps 2 and 4.
        History reported = model().fit(X, Y, FitOptions.epochs(2).batchSize(2).shuffle(false).verbose(0)
                .progressEvery(2).callbacks(reports));
        assertEquals(List.of("1.2", "1.4", "2.2", "2.4"), reports.steps);

        // The report after two steps says what an epoch of those two batches alone says.
        History firstTwoBatches = model().fit(Tensor.of(new int[] {4, 4}, Arrays.copyOf(X.toArray(), 16)),
                Tensor.of(Arrays.copyOf(Y.toArray(), 4)),
                FitOptions.epochs(1).batchSize(2).shuffle(false).verbose(0));
        assertEquals(firstTwoBatches.get("loss").get(0), reports.logs.get(0).get("loss"));
        assertEquals(firstTwoBatches.get("accuracy").get(0), reports.logs.get(0).get("accuracy"));

        // Reading back mid-epoch changes no result.
        History quiet = model().fit(X, Y, FitOptions.epochs(2).batchSize(2).shuffle(false).verbose(0));
        assertEquals(quiet.get("loss"), reported.get("loss"));
        assertEquals(quiet.get("accuracy"), reported.get("accuracy"));
    }

    @Test
    void refusesANegativeInterval() {
        assertEquals("progressEvery must be 0 (off) or a number of steps, got -1",
                assertThrows(IllegalArgumentException.class, () -> FitOptions.epochs(1).progressEvery(-1)).getMessage());
    }
}
