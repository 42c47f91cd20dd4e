package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.ModelGraph;
import org.backprop.nn.records.RunRecords;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.optim.RMSprop;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Models used as layers, as Deep Learning with Python's chapter 8 does: a {@code data_augmentation} Sequential and a
 * {@code conv_base} functional model called on tensors inside a functional model. The expected summary is the one
 * Keras 3 prints for the same Python program (below), with its names and parameter counts:
 *
 * <pre>
 * inputs = keras.Input(shape=(12, 12, 1))
 * data_augmentation = keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomZoom(0.1)])
 * base_inputs = keras.Input(shape=(12, 12, 1))
 * x = layers.Conv2D(8, 3, activation="relu")(base_inputs)
 * x = layers.MaxPooling2D(2)(x)
 * conv_base = keras.Model(base_inputs, layers.Conv2D(16, 3, activation="relu")(x))
 * x = conv_base(data_augmentation(inputs))
 * model = keras.Model(inputs, layers.Dense(1, activation="sigmoid")(layers.Flatten()(x)))
 * </pre>
 */
class NestedModelTest {
    private Sequential dataAugmentation;
    private Model convBase;

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(5);
    }

    private Model bookModel() {
        Input inputs = Input.shape(12, 12, 1);
        dataAugmentation = new Sequential(new RandomFlip("horizontal"), new RandomZoom(0.1));
        Input baseInputs = Input.shape(12, 12, 1);
        KerasTensor base = new MaxPooling2D(2).apply(new Conv2D(8, 3, "relu").apply(baseInputs));
        convBase = new Model(baseInputs, new Conv2D(16, 3, "relu").apply(base));
        KerasTensor x = convBase.apply(dataAugmentation.apply(inputs));
        return new Model(inputs, new Dense(1, "sigmoid").apply(new Flatten().apply(x)));
    }

    @Test
    void summarizesEachNestedModelAsOneRowAsKerasDoes() {
        Model model = bookModel();
        assertEquals(String.join("\n",
                "Model: \"functional_1\"",
                "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓",
                "┃ Layer (type)                      ┃ Output Shape             ┃         Param # ┃",
                "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩",
                "│ input_layer (InputLayer)          │ (None, 12, 12, 1)        │               0 │",
                "│ sequential (Sequential)           │ (None, 12, 12, 1)        │               0 │",
                "│ functional (Functional)           │ (None, 3, 3, 16)         │           1,248 │",
                "│ flatten (Flatten)                 │ (None, 144)              │               0 │",
                "│ dense (Dense)                     │ (None, 1)                │             145 │",
                "└───────────────────────────────────┴──────────────────────────┴─────────────────┘",
                " Total params: 1,393 (5.44 KB)",
                " Trainable params: 1,393 (5.44 KB)",
                " Non-trainable params: 0 (0.00 B)",
                ""), model.summaryText());
        // conv2d 8·9 + 8, conv2d_1 16·8·9 + 16: the nested model's weights are the outer model's.
        assertEquals(List.of("conv2d/kernel", "conv2d/bias", "conv2d_1/kernel", "conv2d_1/bias", "dense/kernel",
                "dense/bias"), names(model.weights()));
        assertTrue(model.layers().get(0).activeOnlyInTraining(), "the augmentation Sequential acts only in training");
    }

    @Test
    void theRunRecordOpensNestedModelsSoTheGraderSeesTheirLayers() {
        Model model = bookModel();
        ModelGraph graph = BehaviourProbe.probe(model, RunRecords.describe(model));
        assertEquals(List.of("sequential/random_flip", "sequential/random_zoom", "functional/conv2d",
                "functional/max_pooling2d", "functional/conv2d_1", "flatten", "dense"),
                graph.layers().stream().map(LayerRecord::name).toList());
        assertEquals(List.of("RandomFlip", "RandomZoom", "Conv2D", "MaxPooling2D", "Conv2D", "Flatten", "Dense"),
                graph.layers().stream().map(LayerRecord::type).toList());
        // Wired through: the nested models' inputs are what fed them, their outputs what read them.
        assertEquals(List.of(List.of("input_layer"), List.of("sequential/random_flip"),
                List.of("sequential/random_zoom"), List.of("functional/conv2d"), List.of("functional/max_pooling2d"),
                List.of("functional/conv2d_1"), List.of("flatten")),
                graph.layers().stream().map(LayerRecord::inbound).toList());
        assertEquals(1393, graph.totalParams(), "the same weights as the summary's");
        // The probe reaches the augmentation inside the Sequential: on in training, off at inference.
        for (LayerRecord augmentation : graph.layers().subList(0, 2)) {
            assertEquals(Boolean.TRUE, augmentation.changesInTraining(), augmentation::toString);
            assertEquals(Boolean.TRUE, augmentation.identityAtInference(), augmentation::toString);
        }
        assertEquals(Boolean.TRUE, graph.inferenceDeterministic());
    }

    @Test
    void freezingTheNestedModelShowsItsParametersAsNonTrainable() {
        Model model = bookModel();
        convBase.setTrainable(false);
        assertFalse(convBase.trainable());
        assertFalse(convBase.asLayer().trainable());
        assertEquals(145, count(model.trainableWeights()));
        assertTrue(model.summaryText().contains(" Trainable params: 145 (580.00 B)\n Non-trainable params: 1,248 ("),
                model.summaryText());
    }

    @Test
    void trainsThroughTheNestedModels() {
        Model model = bookModel();
        model.compile(new RMSprop(0.003), new BinaryCrossentropy(), "accuracy");
        Tensor x = BenchModels.uniform(1, 64, 12, 12, 1);
        // The label says whether the image's left half is brighter than its right half: learnable, and flip-free.
        float[] labels = new float[64];
        for (int i = 0; i < 64; i++) {
            double left = 0;
            double right = 0;
            for (int row = 0; row < 12; row++) {
                for (int column = 0; column < 12; column++) {
                    double value = x.get(i * 144 + row * 12 + column);
                    left += column < 6 ? value : 0;
                    right += column < 6 ? 0 : value;
                }
            }
            labels[i] = left > right ? 1 : 0;
        }
        Tensor y = Tensor.of(labels);
        double before = model.evaluate(x, y).get("loss");
        History history = model.fit(x, y, FitOptions.epochs(8).batchSize(16).verbose(0));
        double after = model.evaluate(x, y).get("loss");
        assertTrue(after < before, "loss " + before + " → " + after + ", history " + history.get("loss"));
    }

    @Test
    void aFrozenNestedModelKeepsItsWeightsThroughATrainingStep() {
        Model model = bookModel();
        convBase.setTrainable(false);
        model.compile("rmsprop", "binary_crossentropy");
        List<Tensor> baseBefore = values(convBase.weights());
        List<Tensor> headBefore = values(model.layers().get(3).weights());
        model.fit(BenchModels.uniform(2, 16, 12, 12, 1), Tensor.of(new float[16]),
                FitOptions.defaults().batchSize(16).verbose(0));
        assertEquals(baseBefore, values(convBase.weights()), "the frozen conv_base kept its weights");
        assertNotEquals(headBefore, values(model.layers().get(3).weights()), "the head trained");

        convBase.setTrainable(true);
        model.fit(BenchModels.uniform(2, 16, 12, 12, 1), Tensor.of(new float[16]),
                FitOptions.defaults().batchSize(16).verbose(0));
        assertNotEquals(baseBefore, values(convBase.weights()), "unfrozen, conv_base trains");
    }

    @Test
    void putsAModelInASequentialAsKerasDoes() {
        Input baseInputs = Input.shape(4);
        Model base = new Model(baseInputs, new Dense(3, "relu").apply(baseInputs), "base");
        Sequential model = new Sequential(Input.shape(4), base.asLayer(), new Dense(1));
        assertSame(base.asLayer(), model.layers().get(0));
        assertEquals("base (Functional)", model.layers().get(0).name() + " (" + model.layers().get(0).typeName() + ")");
        assertEquals(15 + 4, model.countParams());
        Sequential added = new Sequential(Input.shape(4));
        added.add(base);
        assertArrayEquals(new int[] {2, 3}, added.predict(Tensor.zeros(2, 4)).shape());
    }

    @Test
    void refusesAnInputOfTheWrongShapeNamingTheModel() {
        Input baseInputs = Input.shape(4);
        Model base = new Model(baseInputs, new Dense(3).apply(baseInputs), "base");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> base.apply(Input.shape(5)));
        assertEquals("Model \"base\" expects input of shape (None, 4), but it was called on input with shape"
                + " (None, 5)", error.getMessage());
    }

    @Test
    void refusesToSaveANestedModelWithAMessage() {
        Model model = bookModel();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SavedModels.toBytes(model));
        assertTrue(error.getMessage().startsWith("Layer \"sequential\" (Sequential) is a model used as a layer"),
                error.getMessage());
    }

    private static List<String> names(List<Variable> weights) {
        List<String> names = new ArrayList<>();
        for (Variable weight : weights) {
            names.add(weight.name());
        }
        return names;
    }

    private static int count(List<Variable> weights) {
        int count = 0;
        for (Variable weight : weights) {
            count += weight.size();
        }
        return count;
    }

    private static List<Tensor> values(List<Variable> weights) {
        List<Tensor> values = new ArrayList<>();
        for (Variable weight : weights) {
            values.add(weight.value().detach());
        }
        return values;
    }
}
