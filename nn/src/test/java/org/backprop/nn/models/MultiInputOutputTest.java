package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.ModelGraph;
import org.backprop.nn.records.RunRecords;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The book's customer-support ticket model (listings 7.9–7.13): three inputs, two outputs, at small sizes. */
class MultiInputOutputTest {
    private static final int VOCABULARY = 50;
    private static final int TAGS = 8;
    private static final int DEPARTMENTS = 4;
    private static final int SAMPLES = 96;

    private Input title;
    private Input textBody;
    private Input tags;
    private KerasTensor priority;
    private KerasTensor department;

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(7);
    }

    private Model ticketModel(int vocabulary, int tagCount) {
        title = Input.shape("title", vocabulary);
        textBody = Input.shape("text_body", vocabulary);
        tags = Input.shape("tags", tagCount);
        KerasTensor features = new Concatenate().apply(title, textBody, tags);
        features = new Dense(64, "relu").apply(features);
        priority = named(new Dense(1, "sigmoid"), "priority").apply(features);
        department = named(new Dense(DEPARTMENTS, "softmax"), "department").apply(features);
        return new Model(List.of(title, textBody, tags), List.of(priority, department));
    }

    private static Layer named(Layer layer, String name) {
        layer.setName(name);
        return layer;
    }

    /** Returns {@code rows} × {@code width} values in [0, 2), as the book's {@code np.random.randint(0, 2, ...)}. */
    private static Tensor binary(RandomGenerator random, int rows, int width) {
        float[] values = new float[rows * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() < 0.5f ? 0 : 1;
        }
        return Tensor.of(new int[] {rows, width}, values);
    }

    private static Tensor uniform(RandomGenerator random, int rows, int width) {
        float[] values = new float[rows * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Tensor.of(new int[] {rows, width}, values);
    }

    private static Tensor oneHot(RandomGenerator random, int rows, int classes) {
        float[] values = new float[rows * classes];
        for (int row = 0; row < rows; row++) {
            values[row * classes + (int) (random.nextFloat() * classes) % classes] = 1;
        }
        return Tensor.of(new int[] {rows, classes}, values);
    }

    private record Data(List<Tensor> x, List<Tensor> y) {
    }

    private static Data data() {
        RandomGenerator random = new RandomGenerator(11);
        List<Tensor> x = List.of(binary(random, SAMPLES, VOCABULARY), binary(random, SAMPLES, VOCABULARY),
                binary(random, SAMPLES, TAGS));
        List<Tensor> y = List.of(uniform(random, SAMPLES, 1), oneHot(random, SAMPLES, DEPARTMENTS));
        return new Data(x, y);
    }

    private void compileAsTheBook(Model model) {
        model.compile("rmsprop", List.of("mean_squared_error", "categorical_crossentropy"),
                List.of(List.of("mean_absolute_error"), List.of("accuracy")));
    }

    @Test
    void hasTheBooksParametersInputsOutputsAndSummary() {
        Model model = ticketModel(10000, 100);

        assertEquals(20100 * 64 + 64 + 64 + 1 + 64 * 4 + 4, model.countParams(), "Keras: 1,286,789 parameters");
        assertEquals(List.of("title", "text_body", "tags"), model.inputNames());
        assertEquals(List.of("priority", "department"), model.outputNames());
        assertEquals(List.of(title, textBody, tags), model.inputs());
        assertEquals(List.of(priority, department), model.outputs());
        String summary = model.summaryText();
        assertTrue(summary.contains("│ title (InputLayer)"), summary);
        assertTrue(summary.contains("│ tags (InputLayer)"), summary);
        assertTrue(summary.contains("title[0][0], text_body[0][0], tags[0][0]"), summary);
        assertTrue(summary.contains(" Total params: 1,286,789 "), summary);
        IllegalStateException single = assertThrows(IllegalStateException.class, model::input);
        assertTrue(single.getMessage().contains("use inputs()"), single.getMessage());
    }

    @Test
    void logsKerasNamesAndTheLossIsTheSumOfTheOutputsLosses() {
        Model model = ticketModel(VOCABULARY, TAGS);
        compileAsTheBook(model);
        Data data = data();

        History history = model.fit(data.x(), data.y(), FitOptions.epochs(2).verbose(0).validationSplit(0.25));

        assertEquals(List.of("loss", "priority_loss", "department_loss", "priority_mean_absolute_error",
                "department_accuracy", "val_loss", "val_priority_loss", "val_department_loss",
                "val_priority_mean_absolute_error", "val_department_accuracy"), history.metrics());
        Map<String, Double> scores = model.evaluate(data.x(), data.y());
        assertEquals(scores.get("priority_loss") + scores.get("department_loss"), scores.get("loss"), 1e-5,
                "the total is the sum of the outputs' losses, as in Keras");
        List<Tensor> predictions = model.predict(data.x());
        assertEquals(2, predictions.size());
        assertArrayEquals(new int[] {SAMPLES, 1}, predictions.get(0).shape());
        assertArrayEquals(new int[] {SAMPLES, DEPARTMENTS}, predictions.get(1).shape());
        assertEquals(meanSquaredError(data.y().get(0), predictions.get(0)), scores.get("priority_loss"), 1e-5,
                "priority_loss is the MSE of the priority predictions");
        assertEquals(meanAbsoluteError(data.y().get(0), predictions.get(0)),
                scores.get("priority_mean_absolute_error"), 1e-5);
    }

    private static double meanSquaredError(Tensor targets, Tensor predictions) {
        double sum = 0;
        for (int i = 0; i < targets.size(); i++) {
            double error = targets.toArray()[i] - predictions.toArray()[i];
            sum += error * error;
        }
        return sum / targets.size();
    }

    private static double meanAbsoluteError(Tensor targets, Tensor predictions) {
        double sum = 0;
        for (int i = 0; i < targets.size(); i++) {
            sum += Math.abs(targets.toArray()[i] - predictions.toArray()[i]);
        }
        return sum / targets.size();
    }

    @Test
    void lossWeightsScaleEachOutputsShare() {
        Model model = ticketModel(VOCABULARY, TAGS);
        model.compile(new org.backprop.nn.optim.RMSprop(), List.of("mean_squared_error", "categorical_crossentropy"),
                List.of(List.of(), List.of("accuracy")), List.of(1.0, 0.2));
        Data data = data();

        Map<String, Double> scores = model.evaluate(data.x(), data.y());

        assertEquals(scores.get("priority_loss") + 0.2 * scores.get("department_loss"), scores.get("loss"), 1e-5);
        assertEquals(List.of("loss", "priority_loss", "department_loss", "department_accuracy"),
                List.copyOf(scores.keySet()));
    }

    @Test
    void mapsKeyedByNameGiveWhatListsGive() {
        Data data = data();
        Model model = ticketModel(VOCABULARY, TAGS);
        compileAsTheBook(model);
        Map<String, Double> fromLists = model.evaluate(data.x(), data.y());
        model.compile("rmsprop", Map.of("priority", "mean_squared_error", "department", "categorical_crossentropy"),
                Map.of("priority", List.of("mean_absolute_error"), "department", List.of("accuracy")));
        Map<String, Tensor> x = new LinkedHashMap<>();
        x.put("tags", data.x().get(2));
        x.put("title", data.x().get(0));
        x.put("text_body", data.x().get(1));
        Map<String, Tensor> y = Map.of("priority", data.y().get(0), "department", data.y().get(1));

        assertEquals(fromLists, model.evaluate(x, y));
        Map<String, Tensor> predictions = model.predict(x);
        assertEquals(List.of("priority", "department"), List.copyOf(predictions.keySet()));
        assertArrayEquals(model.predict(data.x()).get(1).toArray(), predictions.get("department").toArray());
        History history = model.fit(x, y, FitOptions.epochs(1).verbose(0).validationData(data.x(), data.y()));
        assertTrue(history.metrics().contains("val_department_accuracy"), history.metrics().toString());
    }

    @Test
    void trainingLowersTheLossOfBothOutputs() {
        Model model = ticketModel(VOCABULARY, TAGS);
        compileAsTheBook(model);
        Data data = data();

        History history = model.fit(data.x(), data.y(), FitOptions.epochs(15).batchSize(16).verbose(0));

        for (String loss : List.of("loss", "priority_loss", "department_loss")) {
            List<Double> values = history.get(loss);
            assertTrue(values.get(values.size() - 1) < values.get(0), loss + " went from " + values.get(0) + " to "
                    + values.get(values.size() - 1));
        }
    }

    @Test
    void shufflingSlicingAndBatchingKeepEveryArraysRowsTogether() {
        int rows = 10;
        float[] first = new float[rows];
        float[] second = new float[rows * 2];
        float[] label = new float[rows];
        for (int row = 0; row < rows; row++) {
            first[row] = row;
            second[2 * row] = 10 * row;
            second[2 * row + 1] = 10 * row + 1;
            label[row] = 100 * row;
        }
        Dataset dataset = Dataset.of(List.of(Tensor.of(new int[] {rows, 1}, first), Tensor.of(new int[] {rows, 2},
                second)), List.of(Tensor.of(new int[] {rows}, label)));

        Dataset shuffled = dataset.shuffle(new RandomGenerator(3)).slice(1, 9);
        int seen = 0;
        for (Dataset batch : shuffled.batches(3)) {
            List<Tensor> features = batch.featureList();
            Tensor labels = batch.labelList().get(0);
            assertArrayEquals(new int[] {batch.size(), 2}, features.get(1).shape());
            assertArrayEquals(new int[] {batch.size()}, labels.shape());
            for (int row = 0; row < batch.size(); row++) {
                float example = features.get(0).toArray()[row];
                assertEquals(10 * example, features.get(1).toArray()[2 * row]);
                assertEquals(10 * example + 1, features.get(1).toArray()[2 * row + 1]);
                assertEquals(100 * example, labels.toArray()[row]);
                seen++;
            }
        }
        assertEquals(8, seen);
        IllegalStateException single = assertThrows(IllegalStateException.class, dataset::features);
        assertTrue(single.getMessage().contains("featureList()"), single.getMessage());
    }

    @Test
    void saveAndLoadGiveTheSamePredictions() {
        Model model = ticketModel(VOCABULARY, TAGS);
        Data data = data();

        Model loaded = SavedModels.fromBytes(SavedModels.toBytes(model));

        assertEquals(List.of("title", "text_body", "tags"), loaded.inputNames());
        assertEquals(List.of("priority", "department"), loaded.outputNames());
        List<Tensor> expected = model.predict(data.x());
        List<Tensor> actual = loaded.predict(data.x());
        for (int output = 0; output < 2; output++) {
            assertArrayEquals(expected.get(output).toArray(), actual.get(output).toArray());
        }
        assertEquals(model.summaryText(), loaded.summaryText());
    }

    @Test
    void aNewModelFromAnIntermediateOutputSharesTheLayers() {
        Model model = ticketModel(VOCABULARY, TAGS);
        Layer concatenate = model.getLayer("concatenate");
        assertEquals(List.of(title, textBody, tags), concatenate.inputs());
        assertArrayEquals(new int[] {2 * VOCABULARY + TAGS}, concatenate.output().shape());

        KerasTensor features = model.getLayer("dense").output();
        KerasTensor difficulty = named(new Dense(3, "softmax"), "difficulty").apply(features);
        Model newModel = new Model(List.of(title, textBody, tags), List.of(priority, department, difficulty));

        assertEquals(model.countParams() + 64 * 3 + 3, newModel.countParams());
        assertSame(model.getLayer("dense"), newModel.getLayer("dense"));
        newModel.compile("rmsprop", List.of("mean_squared_error", "categorical_crossentropy",
                "categorical_crossentropy"), List.of(List.of(), List.of(), List.of()));
        Data data = data();
        float[] before = model.getLayer("dense").weights().get(0).value().toArray();
        RandomGenerator random = new RandomGenerator(5);
        newModel.fit(data.x(), List.of(data.y().get(0), data.y().get(1), oneHot(random, SAMPLES, 3)),
                FitOptions.epochs(1).verbose(0));
        assertNotEquals(before[0], model.getLayer("dense").weights().get(0).value().toArray()[0],
                "training the new model trains the old one's shared Dense");
    }

    @Test
    void theRunRecordDescribesTheModel() {
        Model model = ticketModel(VOCABULARY, TAGS);
        compileAsTheBook(model);
        Data data = data();

        History history = model.fit(data.x(), data.y(), FitOptions.epochs(1).verbose(0).validationSplit(0.25));

        assertEquals("per_output", history.runRecord().loss().name());
        assertEquals("mean_squared_error", history.runRecord().loss().settings().get("priority"));
        ModelGraph graph = RunRecords.describe(model);
        assertEquals(List.of("title", "text_body", "tags"), graph.layers().get(0).inbound());
        ModelGraph probed = BehaviourProbe.probe(model, graph);
        assertEquals(graph.layers().size(), probed.layers().size());
    }

    @Test
    void badInputGetsAClearError() {
        Model model = ticketModel(VOCABULARY, TAGS);
        Data data = data();
        compileAsTheBook(model);

        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> model.fit(data.x().subList(0, 2), data.y()));
        assertEquals("Model \"functional\" has 3 inputs [title, text_body, tags], but x holds 2 arrays",
                tooFew.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> model.predict(Map.of("titel", data.x().get(0))));
        assertTrue(unknown.getMessage().contains("\"titel\", which is not an input"), unknown.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> model.fit(List.of(data.x().get(0), data.x().get(1), data.x().get(2).slice(0, 10)),
                        data.y()));
        assertTrue(rows.getMessage().contains("same number of examples"), rows.getMessage());
        IllegalArgumentException missingLoss = assertThrows(IllegalArgumentException.class,
                () -> model.compile("rmsprop", Map.of("priority", "mse"), Map.of()));
        assertTrue(missingLoss.getMessage().contains("no loss for output \"department\""), missingLoss.getMessage());
        IllegalArgumentException countLoss = assertThrows(IllegalArgumentException.class,
                () -> model.compile("rmsprop", List.of("mse"), List.of()));
        assertTrue(countLoss.getMessage().contains("one entry per output [priority, department]"),
                countLoss.getMessage());
        model.compile("rmsprop", "mse");
        IllegalStateException oneLoss = assertThrows(IllegalStateException.class,
                () -> model.fit(data.x(), data.y()));
        assertTrue(oneLoss.getMessage().contains("one loss per output"), oneLoss.getMessage());
        IllegalArgumentException oneTensor = assertThrows(IllegalArgumentException.class,
                () -> model.predict(data.x().get(0)));
        assertTrue(oneTensor.getMessage().contains("3 inputs"), oneTensor.getMessage());
        IllegalStateException asLayer = assertThrows(IllegalStateException.class, model::asLayer);
        assertTrue(asLayer.getMessage().contains("one input and one output as layers"), asLayer.getMessage());
    }

    @Test
    void aModelOfSeveralInputsAndOneOutputCompilesWithOneLoss() {
        Input a = Input.shape("a", 3);
        Input b = Input.shape("b", 2);
        Model model = new Model(List.of(a, b), new Dense(1).apply(new Concatenate().apply(a, b)));
        model.compile("sgd", "mse", "mae");
        RandomGenerator random = new RandomGenerator(2);
        Tensor y = uniform(random, 20, 1);

        History history = model.fit(List.of(uniform(random, 20, 3), uniform(random, 20, 2)), List.of(y),
                FitOptions.epochs(1).verbose(0));

        assertEquals(List.of("loss", "mae"), history.metrics());
    }
}
