package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.metrics.BinaryAccuracy;
import org.backprop.nn.metrics.Precision;
import org.backprop.nn.optim.RMSprop;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A student's translation of Deep Learning with Python's listings, line for line: {@code compile} with any mix of
 * names and objects, {@code fit(x, y)} with Keras's defaults, binary targets {@code [n]} against a sigmoid's
 * {@code [n, 1]}, {@code evaluate} and {@code predict} on tensors and datasets with callbacks and progress, and
 * {@code summary()} that prints.
 */
class KerasHabitsTest {
    /** 70 examples: three batches of 32 (the default), the last of 6. */
    private static final Tensor X = BenchModels.uniform(3, 70, 4);
    private static final Tensor Y = binaryLabels(X);

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(8);
    }

    @AfterEach
    void noObserver() {
        RunInternals.observe(null);
    }

    /** Labels {@code [n]}: whether an example's first feature exceeds its second. */
    private static Tensor binaryLabels(Tensor x) {
        float[] labels = new float[x.dim(0)];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = x.get(i * 4) > x.get(i * 4 + 1) ? 1 : 0;
        }
        return Tensor.of(labels);
    }

    private static Sequential imdbLikeModel() {
        return new Sequential(Input.shape(4), new Dense(16, "relu"), new Dense(1, "sigmoid"));
    }

    @Test
    void compilesAnyMixOfNamesAndObjects() {
        Sequential model = imdbLikeModel();
        model.compile("rmsprop", new BinaryCrossentropy(), "accuracy", new Precision());
        assertEquals(List.of("loss", "accuracy", "precision"), List.copyOf(model.evaluate(X, Y).keySet()));
        model.compile(new RMSprop(), "binary_crossentropy", List.of(new BinaryAccuracy(), "mae"));
        assertEquals(List.of("loss", "binary_accuracy", "mae"), List.copyOf(model.evaluate(X, Y).keySet()));
        model.compile(new RMSprop(1e-4), new BinaryCrossentropy(false));
        assertEquals(List.of("loss"), List.copyOf(model.evaluate(X, Y).keySet()));
        assertEquals("rmsprop", model.optimizer().name());
    }

    @Test
    void refusesAMetricThatIsNeitherANameNorAMetric() {
        Sequential model = imdbLikeModel();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.compile("rmsprop", "binary_crossentropy", 3));
        assertEquals("metrics must be metric names (\"accuracy\") or Metric objects (new BinaryAccuracy()), got"
                + " Integer 3", error.getMessage());
    }

    @Test
    void fitsWithKerasDefaultsOnTensorsAndDatasets() {
        assertEquals(1, FitOptions.defaults().epochs);
        assertEquals(32, FitOptions.defaults().batchSize);
        assertTrue(FitOptions.defaults().shuffle);
        Sequential model = imdbLikeModel();
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        Recorder recorder = new Recorder();
        RunInternals.observe(recorder);
        History onTensors = model.fit(X, Y);
        History onDataset = model.fit(Dataset.of(X, Y));
        assertEquals(1, onTensors.epochs());
        assertEquals(1, onDataset.epochs());
        // ceil(70 / 32) steps in each fit's one epoch.
        assertEquals(List.of("fit 1 epochs of 3 steps", "fit 1 epochs of 3 steps"), recorder.fits);
    }

    @Test
    void takesBinaryTargetsOfShapeNAgainstPredictionsOfShapeNBy1() {
        Sequential model = imdbLikeModel();
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        Map<String, Double> flat = model.evaluate(X, Y);
        Map<String, Double> column = model.evaluate(X, Y.reshape(70, 1));
        assertEquals(column, flat);
        History history = model.fit(X, Y, FitOptions.epochs(30).batchSize(16).verbose(0));
        assertTrue(history.get("loss").get(29) < history.get("loss").get(0), () -> "losses " + history.get("loss"));
    }

    @Test
    void evaluatesAndPredictsOnDatasetsAsOnTensors() {
        Sequential model = imdbLikeModel();
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        Dataset data = Dataset.of(X, Y);
        assertEquals(model.evaluate(X, Y), model.evaluate(data));
        assertEquals(model.predict(X), model.predict(data));
        assertEquals(model.predict(X), model.predict(X, 7));
        assertEquals(model.predict(X), model.predict(data, 64));
    }

    @Test
    void tellsCallbacksAndTheObserverOfEachInferenceBatch() {
        Sequential model = imdbLikeModel();
        model.compile("rmsprop", "binary_crossentropy");
        Recorder recorder = new Recorder();
        RunInternals.observe(recorder);
        Heard heard = new Heard();
        Map<String, Double> results = model.evaluate(X, Y, 32, heard);
        model.predict(Dataset.of(X, Y), 50, heard);
        assertEquals(List.of("test begin", "test 1/3", "test 2/3", "test 3/3", "test end " + results,
                "predict begin", "predict 1/2", "predict 2/2", "predict end"), heard.events);
        assertEquals(List.of("evaluate sequential 3", "evaluate 1/3", "evaluate 2/3", "evaluate 3/3", "evaluate end",
                "predict sequential 2", "predict 1/2", "predict 2/2", "predict end"), recorder.inference);
    }

    @Test
    void aFitsValidationAndRecordAreNotReportedAsInference() {
        Sequential model = imdbLikeModel();
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        Recorder recorder = new Recorder();
        RunInternals.observe(recorder);
        model.fit(X, Y, FitOptions.epochs(2).validationSplit(0.25).verbose(0));
        assertEquals(List.of(), recorder.inference);
    }

    @Test
    void summaryPrintsTheTableThatSummaryTextReturns() {
        Sequential model = imdbLikeModel();
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            model.summary();
        } finally {
            System.setOut(original);
        }
        assertEquals(model.summaryText(), printed.toString(StandardCharsets.UTF_8));
        // Dense(16) on 4 features: 4·16 + 16; Dense(1): 16 + 1.
        assertTrue(model.summaryText().endsWith(" Total params: 97 (388.00 B)\n Trainable params: 97 (388.00 B)\n"
                + " Non-trainable params: 0 (0.00 B)\n"), model.summaryText());
    }

    private static final class Heard extends Callback {
        final List<String> events = new ArrayList<>();

        @Override
        public void onTestBegin(Model model) {
            events.add("test begin");
        }

        @Override
        public void onTestBatchEnd(Model model, int step, int steps) {
            events.add("test " + step + "/" + steps);
        }

        @Override
        public void onTestEnd(Model model, Map<String, Double> logs) {
            events.add("test end " + logs);
        }

        @Override
        public void onPredictBegin(Model model) {
            events.add("predict begin");
        }

        @Override
        public void onPredictBatchEnd(Model model, int step, int steps) {
            events.add("predict " + step + "/" + steps);
        }

        @Override
        public void onPredictEnd(Model model) {
            events.add("predict end");
        }
    }

    private static final class Recorder implements RunObserver {
        final List<String> fits = new ArrayList<>();
        final List<String> inference = new ArrayList<>();

        @Override
        public boolean shouldTrain(String runName, List<String> tags) {
            return true;
        }

        @Override
        public void runEnded(RunRecord record) {
        }

        @Override
        public void fitStarted(String runName, int epochs, int stepsPerEpoch) {
            fits.add("fit " + epochs + " epochs of " + stepsPerEpoch + " steps");
        }

        @Override
        public void inferenceStarted(String model, String kind, int steps) {
            inference.add(kind + " " + model + " " + steps);
        }

        @Override
        public void inferenceBatchEnded(String model, String kind, int step, int steps) {
            inference.add(kind + " " + step + "/" + steps);
        }

        @Override
        public void inferenceEnded(String model, String kind) {
            inference.add(kind + " end");
        }
    }
}
