package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.internal.ProgressThrottle;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The progress a fit reports to the runtime's {@link RunObserver} (the page's live charts): the start, the batches
 * the observer asks for (paced by {@link ProgressThrottle}), and each epoch's logs, exactly as the history has them.
 * A fit whose observer asks for no batch reads back nothing more than a fit without one.
 */
class FitObserverProgressTest {
    /** 40 examples: a validation split of 0.2 leaves 32, 8 steps of 4. */
    private static final Tensor X = BenchModels.uniform(3, 40, 4);
    private static final Tensor Y = BenchModels.labels(4, 40, 3);

    /** Records progress as lines; asks for a batch when its throttle, on a clock 100 ms a step, says so. */
    private static class Recorder implements RunObserver {
        final List<String> events = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        final List<Double> batchLosses = new ArrayList<>();
        final List<Map<String, Double>> epochLogs = new ArrayList<>();
        long now;
        final ProgressThrottle throttle = new ProgressThrottle(() -> now);
        private final boolean trains;

        Recorder(boolean trains) {
            this.trains = trains;
        }

        @Override
        public boolean shouldTrain(String runName, List<String> tags) {
            return trains;
        }

        @Override
        public void runEnded(RunRecord record) {
            events.add("ended " + record.status().state());
        }

        @Override
        public void fitStarted(String runName, int epochs, int stepsPerEpoch) {
            throttle.restart();
            events.add("start " + runName + " " + epochs + " " + stepsPerEpoch);
        }

        @Override
        public boolean wantsBatchLoss(String runName, int epoch, int step, int stepsPerEpoch) {
            asked.add(epoch + "." + step);
            now += 100;
            return throttle.due();
        }

        @Override
        public void batchEnded(String runName, int epoch, int step, int stepsPerEpoch, double loss) {
            throttle.restart();
            events.add("batch " + epoch + "." + step + "/" + stepsPerEpoch);
            batchLosses.add(loss);
        }

        @Override
        public void epochEnded(String runName, int epoch, int epochs, Map<String, Double> logs) {
            throttle.restart();
            events.add("epoch " + epoch + "/" + epochs);
            epochLogs.add(logs);
        }
    }

    /** The CPU backend, counting its readbacks. */
    private static final class CountingBackend extends CpuBackend {
        int fetches;

        @Override
        public void fetch(List<Tensor> tensors) {
            fetches++;
            super.fetch(tensors);
        }
    }

    @AfterEach
    void restore() {
        RunInternals.observe(null);
        BackendInternals.use(new CpuBackend());
    }

    private static Sequential model() {
        RandomSeed.set(5);
        Sequential model = new Sequential(Input.shape(4), new Dense(8, "relu"), new Dense(3, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        return model;
    }

    @Test
    void reportsTheStartThePacedBatchesAndEachEpochsLogsAsTheHistoryHasThem() {
        Recorder observer = new Recorder(true);
        RunInternals.observe(observer);
        List<Map<String, Double>> callbackLogs = new ArrayList<>();
        History history = model().fit(X, Y, FitOptions.epochs(3).batchSize(4).validationSplit(0.2).verbose(0)
                .runName("baseline").progressEvery(3).callbacks(new Callback() {
                    @Override
                    public void onBatchEnd(Model model, int epoch, int step, Map<String, Double> logs) {
                        callbackLogs.add(logs);
                    }
                }));

        // 100 ms a step, 250 between batches, restarted at each epoch's end: steps 3 and 6 of each epoch's 8. The
        // last step is never asked: the epoch's report follows it at once.
        assertEquals(List.of("start baseline 3 8",
                "batch 1.3/8", "batch 1.6/8", "epoch 1/3",
                "batch 2.3/8", "batch 2.6/8", "epoch 2/3",
                "batch 3.3/8", "batch 3.6/8", "epoch 3/3",
                "ended COMPLETED"), observer.events);
        assertEquals(21, observer.asked.size(), "steps 1-7 of each epoch");
        assertTrue(observer.asked.stream().noneMatch(step -> step.endsWith(".8")), () -> "" + observer.asked);

        // The batch loss is the epoch's mean loss so far, as the callbacks' progress (same steps, same readback).
        assertEquals(6, callbackLogs.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(callbackLogs.get(i).get("loss"), observer.batchLosses.get(i), "batch report " + i);
        }

        // Each epoch's logs are exactly the history's values for it, metric by metric.
        assertEquals(3, observer.epochLogs.size());
        for (int epoch = 0; epoch < 3; epoch++) {
            Map<String, Double> expected = new LinkedHashMap<>();
            for (String metric : history.metrics()) {
                expected.put(metric, history.get(metric).get(epoch));
            }
            assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(expected.keySet()));
            assertEquals(expected, observer.epochLogs.get(epoch), "epoch " + (epoch + 1));
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(observer.epochLogs.get(epoch).keySet()));
        }
        assertEquals(history.runRecord().history().get("val_accuracy"),
                observer.epochLogs.stream().map(logs -> logs.get("val_accuracy")).toList());

        // Reading losses back mid-epoch changes no result.
        RunInternals.observe(null);
        History quiet = model().fit(X, Y, FitOptions.epochs(3).batchSize(4).validationSplit(0.2).verbose(0));
        assertEquals(quiet.asMap(), history.asMap());
    }

    @Test
    void aFitNobodyAsksForBatchesReadsBackOnlyAtEachEpochsEnd() {
        CountingBackend counting = new CountingBackend();
        BackendInternals.use(counting);
        model().fit(X, Y, FitOptions.epochs(3).batchSize(4).verbose(0));
        assertEquals(3, counting.fetches, "RunObserver.NONE: one readback an epoch (10 steps each)");

        counting.fetches = 0;
        Recorder quiet = new Recorder(true) {
            @Override
            public boolean wantsBatchLoss(String runName, int epoch, int step, int stepsPerEpoch) {
                asked.add(epoch + "." + step);
                return false;
            }
        };
        RunInternals.observe(quiet);
        model().fit(X, Y, FitOptions.epochs(3).batchSize(4).verbose(0));
        assertEquals(3, counting.fetches, "an observer that never asks: the same");
        assertEquals(27, quiet.asked.size());

        counting.fetches = 0;
        Recorder eager = new Recorder(true) {
            @Override
            public boolean wantsBatchLoss(String runName, int epoch, int step, int stepsPerEpoch) {
                return true;
            }
        };
        RunInternals.observe(eager);
        model().fit(X, Y, FitOptions.epochs(3).batchSize(4).verbose(0));
        assertEquals(3 * 10, counting.fetches, "a readback for each of steps 1-9 asked for, one at each epoch's end");
        assertEquals(3 * 9 + 3 + 2, eager.events.size(), "start, 27 batches, 3 epochs, ended");
    }

    @Test
    void aRunNotTrainedReportsNoProgress() {
        Recorder observer = new Recorder(false);
        RunInternals.observe(observer);
        model().fit(X, Y, FitOptions.epochs(3).batchSize(4).verbose(0));
        assertEquals(List.of("ended NOT_TRAINED"), observer.events);
        assertEquals(List.of(), observer.asked);
    }

    @Test
    void aRunThatDivergesReportsTheProgressItHad() {
        Recorder observer = new Recorder(true) {
            @Override
            public boolean wantsBatchLoss(String runName, int epoch, int step, int stepsPerEpoch) {
                return true;
            }
        };
        RunInternals.observe(observer);
        Sequential exploding = new Sequential(Input.shape(1), new Dense(1));
        exploding.compile("sgd", "mse");
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class, () -> exploding.fit(
                Tensor.of(new float[][] {{1e20f}, {-1e20f}, {1}, {2}}), Tensor.of(new float[][] {{1}, {0}, {1}, {0}}),
                FitOptions.epochs(3).batchSize(1).shuffle(false).verbose(0).runName("exploding")));
        assertEquals(List.of("start exploding 3 4", "ended DIVERGED"), observer.events,
                "the first step's loss is not finite: no batch report carries it");
        assertTrue(diverged.getMessage().contains("(step 1 of 4)"), diverged.getMessage());
    }
}
