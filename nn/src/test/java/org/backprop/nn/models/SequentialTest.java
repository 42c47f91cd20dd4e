package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.optim.SGD;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SequentialTest {
    private static final Tensor XOR_X = Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
    private static final Tensor XOR_Y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(42);
    }

    @Test
    void countsTheSlideNetworksParametersAsKeras() {
        // 6 inputs → 9 → 9 → 8: (6·9 + 9) + (9·9 + 9) + (9·8 + 8) = 63 + 90 + 80.
        Sequential model = new Sequential(Input.shape(6), new Dense(9, "relu"), new Dense(9, "relu"), new Dense(8));
        assertEquals(233, model.countParams());
    }

    @Test
    void printsKerasSummaryTable() {
        Sequential model = new Sequential(Input.shape(6), new Dense(9, "relu"), new Dropout(0.5), new Dense(8));
        assertEquals(String.join("\n",
                "Model: \"sequential\"",
                "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓",
                "┃ Layer (type)                      ┃ Output Shape             ┃         Param # ┃",
                "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩",
                "│ dense (Dense)                     │ (None, 9)                │              63 │",
                "│ dropout (Dropout)                 │ (None, 9)                │               0 │",
                "│ dense_1 (Dense)                   │ (None, 8)                │              80 │",
                "└───────────────────────────────────┴──────────────────────────┴─────────────────┘",
                " Total params: 143 (572.00 B)",
                " Trainable params: 143 (572.00 B)",
                " Non-trainable params: 0 (0.00 B)",
                ""), model.summaryText());
    }

    @Test
    void learnsXorToFullAccuracyFromAFixedSeed() {
        Sequential model = new Sequential(Input.shape(2), new Dense(8, "tanh"), new Dense(1, "sigmoid"));
        model.compile(new SGD(0.5, 0.9, false), new org.backprop.nn.losses.BinaryCrossentropy(false), "accuracy");
        History history = model.fit(XOR_X, XOR_Y, FitOptions.epochs(300).batchSize(4).verbose(0));

        assertEquals(300, history.epochs());
        assertEquals(List.of("loss", "accuracy"), history.metrics());
        assertEquals(1.0, model.evaluate(XOR_X, XOR_Y).get("accuracy"));
        assertTrue(history.get("loss").get(299) < 0.1, () -> "final loss " + history.get("loss").get(299));
        float[] predictions = model.predict(XOR_X).toArray();
        assertTrue(predictions[0] < 0.5f && predictions[1] > 0.5f && predictions[2] > 0.5f && predictions[3] < 0.5f);
    }

    @Test
    void savesAndLoadsWeightsAndCountsAConfusionMatrix() {
        Sequential model = new Sequential(Input.shape(2), new Dense(8, "tanh"), new Dense(1, "sigmoid"));
        model.compile(new SGD(0.5, 0.9, false), new org.backprop.nn.losses.BinaryCrossentropy(false), "accuracy");
        model.fit(XOR_X, XOR_Y, FitOptions.epochs(300).batchSize(4).verbose(0));
        byte[] trained = model.saveWeights();

        Sequential copy = new Sequential(Input.shape(2), new Dense(8, "tanh"), new Dense(1, "sigmoid"));
        copy.loadWeights(trained);
        assertEquals(model.predict(XOR_X), copy.predict(XOR_X));
        org.backprop.nn.records.ConfusionMatrix matrix = copy.confusionMatrix(XOR_X, Tensor.of(new float[] {0, 1, 1, 0}));
        assertEquals(2, matrix.count(0, 0));
        assertEquals(2, matrix.count(1, 1));
        assertEquals(0, matrix.count(0, 1) + matrix.count(1, 0));
    }

    @Test
    void theSameSeedTrainsBitForBitTheSame() {
        double first = trainBriefly(7);
        double second = trainBriefly(7);
        assertEquals(first, second, 0.0);
        assertTrue(first != trainBriefly(8), "another seed gives another run");
    }

    private static double trainBriefly(long seed) {
        RandomSeed.set(seed);
        Sequential model = new Sequential(Input.shape(2), new Dense(4, "relu"), new Dropout(0.2), new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        History history = model.fit(XOR_X, XOR_Y, FitOptions.epochs(5).batchSize(2).verbose(0));
        return history.get("loss").get(4);
    }

    @Test
    void recordsValidationMetricsFromAHeldOutSplit() {
        Tensor x = Tensor.of(new float[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}});
        Tensor y = Tensor.of(new float[][] {{0}, {2}, {4}, {6}, {8}, {10}, {12}, {14}, {16}, {18}});
        Sequential model = new Sequential(Input.shape(1), new Dense(1));
        model.compile("sgd", "mse");
        History history = model.fit(x, y, FitOptions.epochs(3).validationSplit(0.2).verbose(0));
        assertEquals(List.of("loss", "val_loss"), history.metrics());
        assertEquals(3, history.get("val_loss").size());
    }

    @Test
    void stopsWithAClearMessageWhenTheLossDiverges() {
        Tensor x = Tensor.of(new float[][] {{1e20f}, {-1e20f}});
        Tensor y = Tensor.of(new float[][] {{1}, {0}});
        Sequential model = new Sequential(Input.shape(1), new Dense(1));
        model.compile("sgd", "mse");
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                () -> model.fit(x, y, FitOptions.epochs(3).verbose(0)));
        assertTrue(error.getMessage().startsWith("The loss became "), error.getMessage());
        assertTrue(error.getMessage().endsWith("Try a smaller learning rate, or check the inputs for NaN or very large"
                + " values."), error.getMessage());
    }

    @Test
    void namesTheLayerWhoseInputShapeDoesNotFit() {
        Sequential model = new Sequential(Input.shape(3), new Dense(4));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.predict(Tensor.zeros(2, 5)));
        assertEquals("Layer \"dense\" (Dense) expects input of shape (None, 3), but received input with shape"
                + " (None, 5)", error.getMessage());
    }

    @Test
    void asksForCompileBeforeFit() {
        Sequential model = new Sequential(Input.shape(2), new Dense(1));
        assertEquals("Call compile(optimizer, loss, metrics) before fit().", assertThrows(IllegalStateException.class,
                () -> model.fit(XOR_X, XOR_Y, FitOptions.defaults())).getMessage());
    }
}
