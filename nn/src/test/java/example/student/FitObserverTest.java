package example.student;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.backend.DeviceLostException;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.models.TrainingDivergedException;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.nn.records.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the runtime's {@link RunObserver} sees of fits and how it steers them: which runs train, one report per fit
 * however it ends, and the behaviour probe, which must never change what training does. In a package of its own,
 * as a student's program is, so that its layers count as custom.
 */
class FitObserverTest {
    private static final Tensor XOR_X = Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
    private static final Tensor XOR_Y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});

    @AfterEach
    void restore() {
        RunInternals.observe(null);
        BackendInternals.use(new CpuBackend());
    }

    @Test
    void aRunTheObserverDoesNotPickIsDescribedButNotTrained() {
        RunRecorder observer = new RunRecorder(true, "ablation-a");
        RunInternals.observe(observer);
        RandomSeed.set(5);
        // Not built yet: the record still needs its graph, as the first training step would have built it.
        Sequential model = new Sequential(new Dense(3, "relu"), new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        History history = model.fit(XOR_X, XOR_Y, FitOptions.epochs(50).batchSize(2).verbose(0)
                .runName("ablation-a").tags("ablation:no-relu").validationSplit(0.25));

        assertEquals(List.of("ablation-a [ablation:no-relu]"), observer.asked);
        assertEquals(0, history.epochs());
        RunRecord record = history.runRecord();
        assertEquals(List.of(record), observer.ended);
        assertEquals(RunStatus.State.NOT_TRAINED, record.status().state());
        assertEquals("The grader did not re-run this run: it was not among those its re-run budget picked.",
                record.status().message());
        assertEquals(Map.of(), record.history());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), history.metrics(),
                "the program reads its history as after no epochs instead of stopping");
        assertEquals(List.of(), history.get("val_accuracy"));
        assertEquals(5, record.seed());
        assertEquals(List.of("ablation:no-relu"), record.tags());
        assertEquals(3, record.dataset().trainExamples());
        assertEquals(1, record.dataset().validationExamples());
        assertEquals(model.countParams(), record.model().totalParams());
        assertEquals("adam", record.optimizer().name());
        assertEquals(record, RunRecordJson.read(RunRecordJson.write(record)));
        // Nothing trained: the weights are those the same seed initialises, and no step moved them.
        RandomSeed.set(5);
        Sequential fresh = new Sequential(new Dense(3, "relu"), new Dense(1, "sigmoid"));
        fresh.build(2);
        for (int i = 0; i < fresh.weights().size(); i++) {
            assertArrayEquals(fresh.weights().get(i).value().toArray(), model.weights().get(i).value().toArray());
        }
    }

    @Test
    void aRunNotTrainedLeavesTheProgramsGeneratorWhereATrainedOneWould() {
        Trained bothTrained = seedOnceTrainTwoModels(new RunRecorder(false));
        Trained firstSkipped = seedOnceTrainTwoModels(new RunRecorder(false, "first"));
        assertEquals(bothTrained.histories.get(1), firstSkipped.histories.get(1),
                "the second model's weights and its fit's draws do not depend on whether the first trained");
        for (int i = 0; i < bothTrained.weights.size(); i++) {
            assertArrayEquals(bothTrained.weights.get(i), firstSkipped.weights.get(i), "weight " + i);
        }
        assertEquals(bothTrained.nextDraw, firstSkipped.nextDraw, "the program's generator goes on where it was");
        assertEquals(List.of(), firstSkipped.histories.get(0).get("loss"), "the first did not train");
        assertEquals(3, bothTrained.histories.get(0).get("loss").size());
    }

    /**
     * A program that sets its seed once, then builds and trains one model, then builds (drawing its weights) and
     * trains another: the homework's study, whose variants the grader re-runs only in part.
     */
    private static Trained seedOnceTrainTwoModels(RunRecorder observer) {
        RunInternals.observe(observer);
        RandomSeed.set(8);
        List<Map<String, List<Double>>> histories = new ArrayList<>();
        Sequential model = null;
        RunRecord last = null;
        for (String run : List.of("first", "second")) {
            model = new Sequential(Input.shape(2), new Dense(6, "relu"), new Dropout(0.5), new Dense(1, "sigmoid"));
            model.compile("adam", "binary_crossentropy", "accuracy");
            History history = model.fit(XOR_X, XOR_Y, FitOptions.epochs(3).batchSize(2).verbose(0).runName(run));
            histories.add(history.asMap());
            last = history.runRecord();
        }
        List<float[]> weights = new ArrayList<>();
        for (Variable weight : model.weights()) {
            weights.add(weight.value().toArray());
        }
        return new Trained(histories, weights, RandomSeed.generator().nextLong(), last);
    }

    @Test
    void aRunNotTrainedHandsTheProgramTheRuntimesStandInHistoryButKeepsItOutOfTheRecord() {
        Map<String, List<Double>> claimed = Map.of("loss", List.of(0.7, 0.6), "val_accuracy", List.of(0.5, 0.75));
        RunInternals.observe(new RunRecorder(false, "variant") {
            @Override
            public Map<String, List<Double>> standInHistory(String runName) {
                return runName.equals("variant") ? claimed : Map.of();
            }
        });
        Sequential model = new Sequential(new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        History history = model.fit(XOR_X, XOR_Y, FitOptions.epochs(2).verbose(0).runName("variant"));

        assertEquals(List.of(0.5, 0.75), history.get("val_accuracy"));
        assertEquals(2, history.epochs());
        assertEquals(Map.of(), history.runRecord().history());
        assertEquals(RunStatus.State.NOT_TRAINED, history.runRecord().status().state());
    }

    @Test
    void everyFitReportsItsRecordExactlyOnceHoweverItEnds() {
        RunRecorder observer = new RunRecorder(false, "skipped");
        RunInternals.observe(observer);
        RandomSeed.set(1);
        Sequential model = new Sequential(Input.shape(2), new Dense(1, "sigmoid"));
        model.compile("sgd", "binary_crossentropy");
        History completed = model.fit(XOR_X, XOR_Y, FitOptions.epochs(2).verbose(0).runName("completed"));
        History skipped = model.fit(XOR_X, XOR_Y, FitOptions.epochs(2).verbose(0).runName("skipped"));

        Sequential exploding = new Sequential(Input.shape(1), new Dense(1));
        exploding.compile("sgd", "mse");
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class, () -> exploding.fit(
                Tensor.of(new float[][] {{1e20f}, {-1e20f}}), Tensor.of(new float[][] {{1}, {0}}),
                FitOptions.epochs(3).verbose(0).runName("diverged")));

        LosingBackend losing = new LosingBackend();
        BackendInternals.use(losing);
        DeviceLostException lost = assertThrows(DeviceLostException.class, () -> model.fit(XOR_X, XOR_Y,
                FitOptions.epochs(5).batchSize(2).verbose(0).runName("lost").callbacks(new Callback() {
                    @Override
                    public void onEpochEnd(Model trained, int epoch, Map<String, Double> logs) {
                        losing.lost = true;
                    }
                })));

        assertEquals(List.of(completed.runRecord(), skipped.runRecord(), diverged.runRecord(), lost.runRecord()),
                observer.ended);
        assertEquals(List.of(RunStatus.State.COMPLETED, RunStatus.State.NOT_TRAINED, RunStatus.State.DIVERGED,
                RunStatus.State.DEVICE_LOST), observer.ended.stream().map(r -> r.status().state()).toList());
        assertEquals(List.of("completed []", "skipped []", "diverged []", "lost []"), observer.asked);
    }

    @Test
    void theProbeNeverChangesWhatTrainingDoes() {
        Trained withoutProbe = trainTwice(false);
        Trained withProbe = trainTwice(true);
        assertEquals(withoutProbe.histories, withProbe.histories);
        assertEquals(withoutProbe.weights.size(), withProbe.weights.size());
        for (int i = 0; i < withoutProbe.weights.size(); i++) {
            assertArrayEquals(withoutProbe.weights.get(i), withProbe.weights.get(i), "weight " + i);
        }
        assertEquals(withoutProbe.nextDraw, withProbe.nextDraw, "the program's generator goes on where it was");
        assertNull(withoutProbe.lastRecord.model().inferenceDeterministic(), "not probed: no evidence");
        assertEquals(Boolean.TRUE, withProbe.lastRecord.model().inferenceDeterministic());
    }

    @Test
    void theProbePutsBackWeightsTheModelDoesNotList() {
        float[] withoutProbe = untrackedStatisticsAfterAFit(false);
        float[] withProbe = untrackedStatisticsAfterAFit(true);
        assertArrayEquals(withoutProbe, withProbe, "the probe's training calls of the student's layer left no trace");
    }

    /** Fits a model with {@link UntrackedNorm}; returns the moving mean of the batch normalization it hides. */
    private static float[] untrackedStatisticsAfterAFit(boolean probes) {
        RunInternals.observe(new RunRecorder(probes));
        RandomSeed.set(12);
        UntrackedNorm hidden = new UntrackedNorm();
        Sequential model = new Sequential(Input.shape(3), hidden, new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        model.fit(Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {1, 0, 1}}), XOR_Y,
                FitOptions.epochs(2).batchSize(2).verbose(0));
        return hidden.norm.getWeights().get(2).toArray();
    }

    private record Trained(List<Map<String, List<Double>>> histories, List<float[]> weights, long nextDraw,
            RunRecord lastRecord) {
    }

    /** Two fits in a row (the second goes on from the first's generator) of a model with augmentation and BN. */
    private static Trained trainTwice(boolean probes) {
        RunInternals.observe(new RunRecorder(probes));
        RandomSeed.set(31);
        Sequential model = new Sequential(Input.shape(6, 6, 1), new Rescaling(1.0 / 255), new RandomFlip(),
                new FlipAlways(), new Conv2D(2, 3), new BatchNormalization(), new Flatten(), new Dropout(0.3),
                new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        float[][] images = new float[8][36];
        float[][] labels = new float[8][1];
        for (int n = 0; n < 8; n++) {
            for (int p = 0; p < 36; p++) {
                images[n][p] = (n * 31 + p * 7) % 256;
            }
            labels[n][0] = n % 2;
        }
        Tensor x = Tensor.of(new int[] {8, 6, 6, 1}, flatten(images));
        Tensor y = Tensor.of(labels);
        List<Map<String, List<Double>>> histories = new ArrayList<>();
        RunRecord last = null;
        for (int fit = 0; fit < 2; fit++) {
            History history = model.fit(x, y, FitOptions.epochs(2).batchSize(4).verbose(0));
            histories.add(history.asMap());
            last = history.runRecord();
        }
        List<float[]> weights = new ArrayList<>();
        for (Variable weight : model.weights()) {
            weights.add(weight.value().toArray());
        }
        return new Trained(histories, weights, RandomSeed.generator().nextLong(), last);
    }

    @Test
    void theProbeObservesAugmentationDropoutAndTheStudentsOwnLayers() {
        RunInternals.observe(new RunRecorder(true));
        RandomSeed.set(3);
        Sequential model = new Sequential(Input.shape(4, 4, 1), new RandomFlip("horizontal"), new FlipAlways(),
                new Flatten(), new Dropout(0.5), new Dense(2, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy");
        RunRecord record = model.fit(Tensor.filled(1, 2, 4, 4, 1), Tensor.of(new float[][] {{0}, {1}}),
                FitOptions.epochs(1).verbose(0)).runRecord();

        List<LayerRecord> layers = record.model().layers();
        assertBehaviour(layers.get(0), false, true, true);
        assertBehaviour(layers.get(1), true, true, false);
        assertEquals("RandomFlip", layers.get(1).type(), "the record keeps the type the student claims...");
        assertNull(layers.get(2).changesInTraining(), "Flatten is not probed");
        assertBehaviour(layers.get(3), false, true, true);
        assertNull(layers.get(4).identityAtInference(), "Dense is not probed");
        assertFalse(layers.get(4).custom());
        assertEquals(Boolean.TRUE, record.model().inferenceDeterministic());
        assertEquals(record, RunRecordJson.read(RunRecordJson.write(record)));
    }

    @Test
    void aStudentsLayerThatDrawsInInferenceMakesInferenceNondeterministic() {
        RunInternals.observe(new RunRecorder(true));
        Sequential model = new Sequential(Input.shape(3), new NoisyInference(), new Dense(1));
        model.compile("sgd", "mse");
        RunRecord record = model.fit(Tensor.filled(1, 2, 3), Tensor.filled(0, 2, 1), FitOptions.epochs(1).verbose(0))
                .runRecord();
        assertBehaviour(record.model().layers().get(0), true, true, false);
        assertEquals("BatchNormalization", record.model().layers().get(0).type());
        assertEquals(Boolean.FALSE, record.model().inferenceDeterministic());
    }

    private static void assertBehaviour(LayerRecord layer, boolean custom, boolean changesInTraining,
            boolean identityAtInference) {
        assertEquals(custom, layer.custom(), layer.name() + " custom");
        assertEquals(changesInTraining, layer.changesInTraining(), layer.name() + " changesInTraining");
        assertEquals(identityAtInference, layer.identityAtInference(), layer.name() + " identityAtInference");
        assertTrue(layer.probed());
    }

    private static float[] flatten(float[][] rows) {
        float[] all = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, all, i * rows[i].length, rows[i].length);
        }
        return all;
    }

    /** The CPU backend, whose "device" is lost from the step after {@code lost} is set. */
    private static final class LosingBackend extends CpuBackend {
        boolean lost;

        @Override
        public void beginStep() {
            if (lost) {
                throw new DeviceLostException("the test lost it");
            }
            super.beginStep();
        }
    }
}
