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
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecords;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subclassed models, Deep Learning with Python's listings 7.14–7.16, written as a student writes them (in a package
 * of their own): layers tracked in the constructor and wired in {@code call}, built on the first call, trained,
 * evaluated, summarised, nested in functional models and holding them, described in run records, refused by save.
 */
class SubclassedModelTest {
    /** 64 tickets of 20 features; the priority is whether the first feature is positive, the department its size. */
    private static final int EXAMPLES = 64;
    private static final int FEATURES = 20;

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(7);
    }

    @AfterEach
    void restore() {
        RunInternals.observe(null);
        BackendInternals.use(new CpuBackend());
    }

    @Test
    void isBuiltByItsFirstCallAndSummarisedAsKeras3Does() {
        CustomerTicketModel model = new CustomerTicketModel(4);
        assertEquals("customer_ticket_model", model.name(), "Keras names a subclassed model after its class");
        assertFalse(model.built());
        assertEquals(4, model.layers().size());
        assertEquals(List.of(), model.weights(), "no weights before the first call");
        String unbuilt = model.summaryText();
        assertTrue(unbuilt.contains("│ dense (Dense)                     │ ?                        │     0 (unbuilt) │"),
                unbuilt);

        Tensor predictions = model.apply(features());
        assertArrayEquals(new int[] {EXAMPLES, 5}, predictions.shape());
        assertTrue(model.built());
        // 20·64+64, 64+1, 64·4+4: the book's layers at this input width.
        assertEquals(1344 + 65 + 260, model.countParams());
        assertEquals(6, model.weights().size());
        String summary = model.summaryText();
        assertTrue(summary.startsWith("Model: \"customer_ticket_model\"\n"), summary);
        assertTrue(summary.contains("│ dense (Dense)                     │ (None, 64)               │           1,344 │"),
                summary);
        assertTrue(summary.contains("│ concatenate (Concatenate)         │ (None, 5)                │               0 │"),
                summary);
        assertFalse(summary.contains("input_layer"), "a subclassed model shows no input row");
        assertTrue(summary.contains(" Total params: 1,669 (6.52 KB)"), summary);
    }

    @Test
    void trainsEvaluatesAndPredictsWithTheCompiledStep() {
        CustomerTicketModel model = new CustomerTicketModel(4);
        model.compile("rmsprop", "mean_squared_error", "mae");
        History history = model.fit(features(), targets(), FitOptions.epochs(20).batchSize(16).verbose(0));
        assertTrue(model.built(), "fit builds the model before its first step");
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(loss.size() - 1) < loss.get(0) * 0.7, "the loss falls: " + loss);
        Map<String, Double> metrics = model.evaluate(features(), targets());
        assertEquals(List.of("loss", "mae"), new ArrayList<>(metrics.keySet()));
        assertArrayEquals(new int[] {EXAMPLES, 5}, model.predict(features()).shape());
    }

    @Test
    void fitBuildsAModelThatWasNeverCalled() {
        CustomerTicketModel model = new CustomerTicketModel(4);
        model.compile("adam", "mean_squared_error");
        model.fit(features(), targets(), FitOptions.epochs(1).verbose(0));
        assertEquals(1669, model.countParams());
        assertEquals(6, model.trainableWeights().size());
    }

    @Test
    void isCalledInsideAFunctionalModelAsOneRow() {
        // Listing 7.16's second half: a functional model that uses a subclassed model.
        Classifier classifier = new Classifier(3);
        Input inputs = Input.shape(FEATURES);
        KerasTensor features = new Dense(16, "relu").apply(inputs);
        Model model = new Model(inputs, classifier.apply(features));
        assertTrue(classifier.built(), "called on a symbolic tensor, it builds for its shape");
        assertEquals(20 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3, model.countParams());
        String summary = model.summaryText();
        assertTrue(summary.contains("│ classifier (Classifier)           │ (None, 3)                │             323 │"),
                summary);
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        History history = model.fit(features(), departments(), FitOptions.epochs(30).batchSize(16).verbose(0));
        List<Double> accuracy = history.get("accuracy");
        assertTrue(accuracy.get(accuracy.size() - 1) > accuracy.get(0), "it learns through the classifier: "
                + accuracy);
        classifier.setTrainable(false);
        assertEquals(20 * 16 + 16, trainableParams(model));
    }

    @Test
    void usesAFunctionalModelInsideItsCall() {
        // Listing 7.16's first half: a subclassed model that calls a functional one.
        Input inputs = Input.shape(FEATURES);
        Model features = new Model(inputs, new Dense(8, "relu").apply(inputs));
        WithFeatures model = new WithFeatures(features);
        model.build(FEATURES);
        assertEquals(20 * 8 + 8 + 8 + 1, model.countParams());
        assertEquals(List.of("functional", "dense_1"), names(model));
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        History history = model.fit(features(), priorities(), FitOptions.epochs(20).batchSize(16).verbose(0));
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(loss.size() - 1) < loss.get(0), "the functional model's weights train too: " + loss);
        assertTrue(model.summaryText().contains("│ functional (Functional)           │ (None, 8)                │"
                + "             168 │"), model.summaryText());
    }

    @Test
    void isDescribedAndProbedForRunRecordsByItsTrackedLayers() {
        RunRecorder recorder = new RunRecorder(true);
        RunInternals.observe(recorder);
        List<RunRecord> ended = recorder.ended;
        Classifier classifier = new Classifier(3);
        classifier.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        classifier.fit(features(), departments(), FitOptions.epochs(2).verbose(0));
        RunRecord record = ended.get(0);
        List<String> recorded = new ArrayList<>();
        for (LayerRecord layer : record.model().layers()) {
            recorded.add(layer.name() + " " + layer.type() + " " + layer.outputShape());
        }
        assertEquals(List.of("dense Dense [16]", "dropout Dropout [16]", "dense_1 Dense [3]"), recorded);
        assertEquals(List.of(FEATURES), record.model().inputShape());
        assertEquals(classifier.countParams(), record.model().totalParams());
        assertEquals(Boolean.TRUE, record.model().inferenceDeterministic());
        assertEquals(List.of(), record.model().layers().get(1).inbound(), "Keras does not trace a subclassed call");
        assertNull(record.model().layers().get(1).changesInTraining(), "no wiring, no probe: no evidence either way");
        assertEquals(3, RunRecords.describe(classifier).layers().size());
    }

    @Test
    void aTrackedLayerItsCallNeverUsedStaysOutOfTheRecord() {
        WithSpare model = new WithSpare();
        model.build(FEATURES);
        assertTrue(model.summaryText().contains("│ dense_1 (Dense)                   │ ?                        │     0"
                + " (unbuilt) │"), model.summaryText());
        List<String> recorded = new ArrayList<>();
        RunRecords.describe(model).layers().forEach(layer -> recorded.add(layer.name()));
        assertEquals(List.of("dense"), recorded);
    }

    @Test
    void cannotBeSavedAndSaysWhy() {
        Classifier classifier = new Classifier(3);
        classifier.build(FEATURES);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SavedModels.toBytes(classifier));
        assertEquals("Model \"classifier\" is an instance of your own class example.student.SubclassedModelTest$Classifier,"
                + " so it cannot be saved: build it as a Sequential or as a functional Model(inputs, outputs)",
                error.getMessage());
    }

    @Test
    void saysWhatToDoWhenMisused() {
        IllegalStateException noCall = assertThrows(IllegalStateException.class, () -> new NoCall().build(3));
        assertEquals("Model \"no_call\" has no layers wired from an Input: override call(Tensor inputs, boolean"
                + " training) to call its layers, or build it with new Model(inputs, outputs)", noCall.getMessage());
        Classifier classifier = new Classifier(3);
        classifier.build(FEATURES);
        IllegalArgumentException otherShape = assertThrows(IllegalArgumentException.class, () -> classifier.build(5));
        assertEquals("Model \"classifier\" is built for input of shape (None, 20), but was asked to build for (None, 5)",
                otherShape.getMessage());
        IllegalStateException noInput = assertThrows(IllegalStateException.class, classifier::input);
        assertEquals("Model \"classifier\" routes its inputs in its own call(), so it has no symbolic input; read its"
                + " layers()", noInput.getMessage());
    }

    /** Listing 7.16's {@code Classifier(keras.Model)}, with a dropout to show in run records. */
    private static final class Classifier extends Model {
        private final Dense hidden;
        private final Dropout dropout;
        private final Dense dense;

        Classifier(int numClasses) {
            hidden = track(new Dense(16, "relu"));
            dropout = track(new Dropout(0.1));
            dense = track(new Dense(numClasses, "softmax"));
        }

        @Override
        public Tensor call(Tensor inputs, boolean training) {
            return dense.call(dropout.call(hidden.call(inputs, training), training), training);
        }
    }

    /** A subclassed model that calls a functional one and a head of its own. */
    private static final class WithFeatures extends Model {
        private final Model features;
        private final Dense head;

        WithFeatures(Model features) {
            this.features = track(features);
            head = track(new Dense(1, "sigmoid"));
        }

        @Override
        public Tensor call(Tensor inputs, boolean training) {
            return head.call(features.call(inputs, training), training);
        }
    }

    private static final class NoCall extends Model {
    }

    /** Tracks a layer for later, as a student might, and calls only the other. */
    private static final class WithSpare extends Model {
        private final Dense used = track(new Dense(2));
        private final Dense spare = track(new Dense(3));

        @Override
        public Tensor call(Tensor inputs, boolean training) {
            return used.call(inputs, training);
        }
    }

    private static int trainableParams(Model model) {
        int count = 0;
        for (org.backprop.nn.Variable weight : model.trainableWeights()) {
            count += weight.size();
        }
        return count;
    }

    private static List<String> names(Model model) {
        List<String> names = new ArrayList<>();
        model.layers().forEach(layer -> names.add(layer.name()));
        return names;
    }

    private static Tensor features() {
        float[][] values = new float[EXAMPLES][FEATURES];
        for (int i = 0; i < EXAMPLES; i++) {
            for (int j = 0; j < FEATURES; j++) {
                values[i][j] = (float) Math.sin(i * 1.7 + j * 0.9);
            }
        }
        return Tensor.of(values);
    }

    private static Tensor priorities() {
        float[][] values = new float[EXAMPLES][1];
        for (int i = 0; i < EXAMPLES; i++) {
            values[i][0] = Math.sin(i * 1.7) > 0 ? 1 : 0;
        }
        return Tensor.of(values);
    }

    private static Tensor departments() {
        float[] values = new float[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            double first = Math.sin(i * 1.7);
            values[i] = first > 0.5 ? 2 : first > -0.5 ? 1 : 0;
        }
        return Tensor.of(values);
    }

    /** The priority beside a one-hot department, as the ticket model's concatenated output. */
    private static Tensor targets() {
        float[][] values = new float[EXAMPLES][5];
        for (int i = 0; i < EXAMPLES; i++) {
            values[i][0] = Math.sin(i * 1.7) > 0 ? 1 : 0;
            values[i][1 + (Math.sin(i * 1.7 + 0.9) > 0 ? 1 : 0) + (Math.sin(i * 1.7 + 1.8) > 0 ? 2 : 0)] = 1;
        }
        return Tensor.of(values);
    }
}
