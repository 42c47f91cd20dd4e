package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.metrics.Mean;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.optim.RMSprop;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunStatus;
import org.junit.jupiter.api.Test;

/** A train step of the program's own, as the book's chapter 7 writes one, runs inside fit's one loop. */
class CustomTrainStepTest {
    private static final Tensor X = BenchModels.uniform(3, 64, 4);
    private static final Tensor Y = BenchModels.labels(4, 64, 3);

    /** The book's listing 7.26: a functional model whose step tracks its loss in a Mean. */
    private static final class CustomModel extends Model {
        private final SparseCategoricalCrossentropy lossFn = new SparseCategoricalCrossentropy();
        private final Mean lossTracker = new Mean("loss");
        final List<Float> stepLosses = new ArrayList<>();

        CustomModel(Input inputs, KerasTensor outputs) {
            super(inputs, outputs);
        }

        @Override
        protected List<Metric> trainStep(Dataset batch) {
            Tensor predictions = call(batch.features(), true);
            Tensor loss = lossFn.call(batch.labels(), predictions);
            List<Tensor> gradients = Gradients.ofWeights(loss, trainableWeights());
            optimizer().applyGradients(gradients, trainableWeights());
            lossTracker.updateState(loss);
            stepLosses.add(loss.item());
            return metrics();
        }

        @Override
        public List<Metric> metrics() {
            return List.of(lossTracker);
        }
    }

    private static CustomModel customModel() {
        RandomSeed.set(5);
        Input inputs = Input.shape(4);
        KerasTensor features = new Dense(16, "relu").apply(inputs);
        return new CustomModel(inputs, new Dense(3, "softmax").apply(features));
    }

    /** Records the logs of every progress report and every epoch end. */
    private static final class Logs extends Callback {
        final List<Map<String, Double>> batches = new ArrayList<>();
        final List<Map<String, Double>> epochs = new ArrayList<>();

        @Override
        public void onBatchEnd(Model model, int epoch, int step, Map<String, Double> logs) {
            batches.add(logs);
        }

        @Override
        public void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
            epochs.add(logs);
        }
    }

    @Test
    void fitRunsTheStepPerBatchAndLogsItsTrackersPerEpoch() {
        CustomModel model = customModel();
        model.compile(new RMSprop());
        Logs logs = new Logs();
        History history = model.fit(X, Y, FitOptions.epochs(8).batchSize(16).verbose(0).progressEvery(2)
                .callbacks(logs).runName("custom"));

        assertEquals(32, model.stepLosses.size(), "steps: 8 epochs of 4 batches");
        assertEquals(List.of("loss"), history.metrics());
        List<Double> loss = history.get("loss");
        // Listing 7.26's step is what compile(optimizer, loss) does: from one seed, the same curve.
        RandomSeed.set(5);
        Input inputs = Input.shape(4);
        Model compiled = new Model(inputs, new Dense(3, "softmax").apply(new Dense(16, "relu").apply(inputs)));
        compiled.compile(new RMSprop(), new SparseCategoricalCrossentropy());
        List<Double> reference = compiled.fit(X, Y, FitOptions.epochs(8).batchSize(16).verbose(0)).get("loss");
        for (int epoch = 0; epoch < 8; epoch++) {
            assertEquals(reference.get(epoch), loss.get(epoch), 1e-6, "loss of epoch " + (epoch + 1));
        }
        assertEquals(8, logs.epochs.size());
        assertEquals(8, logs.batches.size(), "a report after step 2 of every epoch");
        assertEquals(loss.get(0), logs.epochs.get(0).get("loss"));
        assertEquals("custom_train_step", history.runRecord().loss().name());
        assertEquals("rmsprop", history.runRecord().optimizer().name());
        assertEquals(RunStatus.completed(), history.runRecord().status());
        assertEquals(history.asMap(), history.runRecord().history());
    }

    @Test
    void eachEpochLogsTheMeanOfItsOwnStepsOnly() {
        CustomModel model = customModel();
        model.compile(new RMSprop());
        History history = model.fit(X, Y, FitOptions.epochs(2).batchSize(16).verbose(0));

        // fit resets the tracker as each epoch begins: epoch 2 logs the mean of steps 5 to 8 alone.
        double second = 0;
        for (float loss : model.stepLosses.subList(4, 8)) {
            second += loss / 4.0;
        }
        assertEquals(second, history.get("loss").get(1), 1e-6);
    }

    @Test
    void aMeanAveragesWhatItIsGivenUntilReset() {
        Mean mean = new Mean("total_loss");
        assertEquals(0, mean.result());
        mean.updateState(Tensor.scalar(1f));
        mean.updateState(Tensor.of(new float[] {2f, 3f}));
        mean.updateState(6.0);
        assertEquals(3.0, mean.result());
        mean.resetState();
        assertEquals(0, mean.result());
        IllegalStateException compiled = assertThrows(IllegalStateException.class,
                () -> mean.update(Tensor.scalar(1f), Tensor.scalar(1f)));
        assertTrue(compiled.getMessage().contains("call updateState(value) in your trainStep"), compiled::getMessage);
    }

    @Test
    void aModelCompiledWithoutALossNeedsItsOwnStep() {
        RandomSeed.set(5);
        Input inputs = Input.shape(4);
        Model plain = new Model(inputs, new Dense(3, "softmax").apply(inputs));
        plain.compile("adam");
        IllegalStateException noLoss = assertThrows(IllegalStateException.class,
                () -> plain.fit(X, Y, FitOptions.epochs(1).verbose(0)));
        assertTrue(noLoss.getMessage().contains("was compiled without a loss: compile(optimizer, loss, metrics...),"
                + " or override trainStep"), noLoss::getMessage);

        CustomModel custom = customModel();
        custom.compile(new RMSprop());
        IllegalStateException validation = assertThrows(IllegalStateException.class,
                () -> custom.fit(X, Y, FitOptions.epochs(1).verbose(0).validationSplit(0.25)));
        assertTrue(validation.getMessage().contains("or override testStep to compute the loss yourself"),
                validation::getMessage);
        assertThrows(IllegalStateException.class, () -> custom.evaluate(X, Y));
    }

    /** Listing 7.26's model with Keras's test_step too: evaluate and fit's validation run it. */
    private static final class EvaluatedModel extends Model {
        private final SparseCategoricalCrossentropy lossFn = new SparseCategoricalCrossentropy();
        private final Mean lossTracker = new Mean("loss");

        EvaluatedModel(Input inputs, KerasTensor outputs) {
            super(inputs, outputs);
        }

        @Override
        protected List<Metric> trainStep(Dataset batch) {
            Tensor loss = lossFn.call(batch.labels(), call(batch.features(), true));
            optimizer().applyGradients(Gradients.ofWeights(loss, trainableWeights()), trainableWeights());
            lossTracker.updateState(loss);
            return metrics();
        }

        @Override
        protected List<Metric> testStep(Dataset batch) {
            lossTracker.updateState(lossFn.call(batch.labels(), call(batch.features(), false)));
            return metrics();
        }

        @Override
        public List<Metric> metrics() {
            return List.of(lossTracker);
        }
    }

    @Test
    void evaluateAndValidationRunTheModelsOwnTestStep() {
        RandomSeed.set(5);
        Input inputs = Input.shape(4);
        EvaluatedModel model = new EvaluatedModel(inputs, new Dense(3, "softmax").apply(inputs));
        model.compile(new RMSprop());
        History history = model.fit(X, Y, FitOptions.epochs(2).batchSize(16).verbose(0)
                .validationData(X.slice(0, 32), Y.slice(0, 32)));
        assertEquals(List.of("loss", "val_loss"), history.metrics());

        // The same weights scored by the compiled loss: the mean over two batches of 16 is the mean over 32.
        double ownLoss = model.evaluate(X.slice(0, 32), Y.slice(0, 32), 16).get("loss");
        Model compiled = new Model(model.input(), model.output());
        compiled.compile(new RMSprop(), new SparseCategoricalCrossentropy());
        double compiledLoss = compiled.evaluate(X.slice(0, 32), Y.slice(0, 32), 16).get("loss");
        assertEquals(compiledLoss, ownLoss, 1e-6);
        assertEquals(ownLoss, history.get("val_loss").get(1), 1e-6, "the last epoch's validation, same weights");
    }

    @Test
    void aRunTheGraderDoesNotReRunDeclaresTheTrackersItWouldHaveLogged() {
        CustomModel model = customModel();
        model.compile(new RMSprop());
        RunInternals.observe(new RunObserver() {
            @Override
            public boolean shouldTrain(String runName, List<String> tags) {
                return false;
            }

            @Override
            public void runEnded(RunRecord record) {
            }
        });
        History history;
        try {
            history = model.fit(X, Y, FitOptions.epochs(2).batchSize(16).verbose(0).validationSplit(0.25));
        } finally {
            RunInternals.observe(null);
        }
        assertEquals(List.of("loss", "val_loss"), history.metrics(), "the tracker named loss, no compiled loss");
        assertEquals(List.of(), model.stepLosses, "nothing trained");
        assertEquals("custom_train_step", history.runRecord().loss().name());
    }

    @Test
    void aTrackerThatIsNotFiniteStopsTheRunWithItsName() {
        Input inputs = Input.shape(4);
        Model model = new Model(inputs, new Dense(3, "softmax").apply(inputs)) {
            private final Mean klLoss = new Mean("kl_loss");

            @Override
            protected List<Metric> trainStep(Dataset batch) {
                klLoss.updateState(Tensor.scalar(Float.NaN));
                return List.of(klLoss);
            }
        };
        model.compile("adam");
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> model.fit(X, Y, FitOptions.epochs(2).batchSize(16).verbose(0)));
        assertTrue(diverged.getMessage().startsWith("The kl_loss became NaN in epoch 1 (by step 4 of 4)."),
                diverged::getMessage);
        assertEquals(RunStatus.State.DIVERGED, diverged.runRecord().status().state());
    }

    @Test
    void aStepThatReturnsNullIsToldWhatToReturn() {
        Input inputs = Input.shape(4);
        Model model = new Model(inputs, new Dense(3, "softmax").apply(inputs)) {
            @Override
            protected List<Metric> trainStep(Dataset batch) {
                return null;
            }
        };
        model.compile("adam");
        IllegalStateException returned = assertThrows(IllegalStateException.class,
                () -> model.fit(X, Y, FitOptions.epochs(1).verbose(0)));
        assertTrue(returned.getMessage().contains("returned null: return the trackers to log"), returned::getMessage);
    }
}
