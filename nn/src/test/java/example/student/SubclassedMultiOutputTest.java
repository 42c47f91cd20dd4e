package example.student;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A subclassed model of several inputs and outputs, Deep Learning with Python's listing 7.14 as written: called on a
 * map of inputs, returning two outputs, compiled with a loss and metrics per output, trained, evaluated and
 * predicted with the inputs by name and the targets in a list, logged under Keras 3's names.
 */
class SubclassedMultiOutputTest {
    private static final int EXAMPLES = 64;
    private static final int VOCABULARY = 30;
    private static final int TAGS = 10;

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
    void isBuiltByItsFirstCallOnAMapAndReturnsEachOutput() {
        TicketModel model = new TicketModel(4);
        assertFalse(model.built());
        List<Tensor> outputs = model.apply(inputs());
        assertTrue(model.built());
        assertEquals(2, outputs.size());
        assertArrayEquals(new int[] {EXAMPLES, 1}, outputs.get(0).shape());
        assertArrayEquals(new int[] {EXAMPLES, 4}, outputs.get(1).shape());
        int width = 2 * VOCABULARY + TAGS;
        assertEquals(width * 64 + 64 + 64 + 1 + 64 * 4 + 4, model.countParams());
        assertEquals(List.of("tags", "text_body", "title"), model.inputNames(), "sorted, as Keras flattens a dict");
        assertEquals(List.of("output_1", "output_2"), model.outputNames());
        String summary = model.summaryText();
        assertTrue(summary.startsWith("Model: \"ticket_model\"\n"), summary);
        assertTrue(summary.contains("│ concatenate (Concatenate)         │ (None, 70)               │               0 │"),
                summary);
        assertTrue(summary.contains("│ dense_2 (Dense)                   │ (None, 4)                │             260 │"),
                summary);
        // The same inputs give the same outputs: the map's order does not matter.
        List<Tensor> again = model.apply(Map.of("title", title(), "tags", tags(), "text_body", textBody()));
        assertArrayEquals(outputs.get(1).toArray(), again.get(1).toArray());
    }

    @Test
    void trainsEvaluatesAndPredictsWithALossAndMetricsPerOutputUnderKeras3Names() {
        TicketModel model = new TicketModel(4);
        model.apply(inputs());
        model.compile("rmsprop", List.of("mean_squared_error", "categorical_crossentropy"),
                List.of(List.of("mean_absolute_error"), List.of("accuracy")));
        History history = model.fit(inputs(), List.of(priorities(), departments()),
                FitOptions.epochs(10).batchSize(16).verbose(0));
        List<String> keys = List.of("loss", "mean_squared_error_loss", "categorical_crossentropy_loss",
                "mean_absolute_error", "accuracy");
        assertEquals(keys, history.metrics());
        List<Double> loss = history.get("loss");
        assertTrue(loss.get(loss.size() - 1) < loss.get(0) * 0.8, "the loss falls: " + loss);
        assertEquals(history.get("mean_squared_error_loss").get(9) + history.get("categorical_crossentropy_loss").get(9),
                loss.get(9), 1e-5, "the loss is the sum of the outputs' losses");
        Map<String, Double> scores = model.evaluate(inputs(), List.of(priorities(), departments()));
        assertEquals(keys, new ArrayList<>(scores.keySet()));
        Map<String, Tensor> predictions = model.predict(inputs());
        assertEquals(List.of("output_1", "output_2"), new ArrayList<>(predictions.keySet()));
        assertArrayEquals(new int[] {EXAMPLES, 1}, predictions.get("output_1").shape());
        assertArrayEquals(new int[] {EXAMPLES, 4}, predictions.get("output_2").shape());
        assertArrayEquals(model.apply(inputs()).get(1).toArray(), predictions.get("output_2").toArray(), 1e-6f);
    }

    @Test
    void fitBuildsAModelCompiledBeforeItsFirstCall() {
        TicketModel model = new TicketModel(4);
        model.compile("adam", List.of("mse", "categorical_crossentropy"),
                List.of(List.of("accuracy"), List.of("accuracy")));
        History history = model.fit(inputs(), List.of(priorities(), departments()), FitOptions.epochs(1).verbose(0));
        assertTrue(model.built());
        assertEquals(List.of("loss", "mse_loss", "categorical_crossentropy_loss", "accuracy", "accuracy_1"),
                history.metrics(), "Keras 3 numbers a metric name met again");
    }

    @Test
    void validatesAndIsDescribedInItsRunRecord() {
        RunRecorder recorder = new RunRecorder(true);
        RunInternals.observe(recorder);
        List<RunRecord> ended = recorder.ended;
        TicketModel model = new TicketModel(4);
        model.compile("rmsprop", List.of("mean_squared_error", "categorical_crossentropy"),
                List.of(List.of("mean_absolute_error"), List.of("accuracy")));
        History history = model.fit(inputs(), List.of(priorities(), departments()),
                FitOptions.epochs(2).validationSplit(0.25).verbose(0));
        assertEquals(List.of("loss", "mean_squared_error_loss", "categorical_crossentropy_loss", "mean_absolute_error",
                "accuracy", "val_loss", "val_mean_squared_error_loss", "val_categorical_crossentropy_loss",
                "val_mean_absolute_error", "val_accuracy"), history.metrics());
        RunRecord record = ended.get(0);
        List<String> layers = new ArrayList<>();
        for (LayerRecord layer : record.model().layers()) {
            layers.add(layer.name() + " " + layer.outputShape());
        }
        assertEquals(List.of("concatenate [70]", "dense [64]", "dense_1 [1]", "dense_2 [4]"), layers);
        assertEquals(model.countParams(), record.model().totalParams());
    }

    @Test
    void saysWhatToDoWhenMisused() {
        TicketModel model = new TicketModel(4);
        model.apply(inputs());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> model.apply(Map.of("title", title(), "tags", tags())));
        assertEquals("Model \"ticket_model\" is built for inputs [tags, text_body, title], but received [tags, title]",
                missing.getMessage());
        IllegalArgumentException keyed = assertThrows(IllegalArgumentException.class, () -> model.compile("rmsprop",
                Map.of("output_1", "mse", "output_2", "categorical_crossentropy"), Map.of()));
        assertTrue(keyed.getMessage().contains("compile it with lists"), keyed.getMessage());
        IllegalArgumentException oneLoss = assertThrows(IllegalArgumentException.class,
                () -> model.compile("rmsprop", List.of("mse"), List.of(List.of())));
        assertEquals("losses must list one entry per output [output_1, output_2] (2), got 1", oneLoss.getMessage());
        model.compile("rmsprop", List.of("mse", "categorical_crossentropy"), List.of(List.of(), List.of()));
        IllegalArgumentException oneTarget = assertThrows(IllegalArgumentException.class,
                () -> model.fit(inputs(), List.of(priorities()), FitOptions.epochs(1).verbose(0)));
        assertEquals("Model \"ticket_model\" has 2 outputs [output_1, output_2], but y holds 1 array",
                oneTarget.getMessage());
        assertThrows(IllegalStateException.class, model::asLayer);

        TicketModel unbuilt = new TicketModel(4);
        unbuilt.compile("rmsprop", List.of("mse"), List.of(List.of()));
        IllegalStateException fewerLosses = assertThrows(IllegalStateException.class,
                () -> unbuilt.fit(inputs(), List.of(priorities(), departments()), FitOptions.epochs(1).verbose(0)));
        assertEquals("Model \"ticket_model_1\" was compiled with 1 losses, one per output, but it returns 2 outputs:"
                + " compile it with one loss per output", fewerLosses.getMessage());

        IllegalStateException noOverride = assertThrows(IllegalStateException.class,
                () -> new OneInput().apply(Map.of("x", title())));
        assertEquals("Model \"one_input\" was called on arrays by name [x]: override call(Map<String, Tensor> inputs,"
                + " boolean training) to call its layers on them and return its outputs, e.g. List.of(priority,"
                + " department)", noOverride.getMessage());
    }

    @Test
    void cannotBeSavedAndSaysWhy() {
        TicketModel model = new TicketModel(4);
        model.apply(inputs());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SavedModels.toBytes(model));
        assertTrue(error.getMessage().startsWith("Model \"ticket_model\" is an instance of your own class"
                + " example.student.TicketModel, so it cannot be saved"), error.getMessage());
    }

    @Test
    void aFunctionalModelIsCalledOnAMapToo() {
        TicketModel subclassed = new TicketModel(4);
        subclassed.apply(inputs());
        org.backprop.nn.Input title = org.backprop.nn.Input.shape("title", VOCABULARY);
        Model functional = new Model(List.of(title), new Dense(2).apply(title));
        List<Tensor> outputs = functional.apply(Map.of("title", title()));
        assertArrayEquals(new int[] {EXAMPLES, 2}, outputs.get(0).shape());
    }

    private static final class OneInput extends Model {
        private final Dense dense = track(new Dense(2));

        @Override
        public Tensor call(Tensor inputs, boolean training) {
            return dense.call(inputs, training);
        }
    }

    private static Map<String, Tensor> inputs() {
        return Map.of("title", title(), "text_body", textBody(), "tags", tags());
    }

    private static Tensor title() {
        return multiHot(VOCABULARY, 1.3);
    }

    private static Tensor textBody() {
        return multiHot(VOCABULARY, 2.1);
    }

    private static Tensor tags() {
        return multiHot(TAGS, 0.7);
    }

    private static Tensor multiHot(int width, double phase) {
        float[][] values = new float[EXAMPLES][width];
        for (int i = 0; i < EXAMPLES; i++) {
            for (int j = 0; j < width; j++) {
                values[i][j] = Math.sin(i * 1.7 + j * phase) > 0 ? 1 : 0;
            }
        }
        return Tensor.of(values);
    }

    /** A priority the title's first words decide. */
    private static Tensor priorities() {
        float[][] values = new float[EXAMPLES][1];
        for (int i = 0; i < EXAMPLES; i++) {
            values[i][0] = Math.sin(i * 1.7) > 0 ? 0.9f : 0.1f;
        }
        return Tensor.of(values);
    }

    /** A one-hot department the text's first two words decide. */
    private static Tensor departments() {
        float[][] values = new float[EXAMPLES][4];
        for (int i = 0; i < EXAMPLES; i++) {
            int department = (Math.sin(i * 1.7) > 0 ? 1 : 0) + (Math.sin(i * 1.7 + 2.1) > 0 ? 2 : 0);
            values[i][department] = 1;
        }
        return Tensor.of(values);
    }
}
