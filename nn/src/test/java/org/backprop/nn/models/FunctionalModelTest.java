package org.backprop.nn.models;

import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FunctionalModelTest {

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(5);
    }

    @Test
    void runsAResidualGraphAndDifferentiatesThroughBothPaths() {
        Input inputs = Input.shape(4);
        KerasTensor hidden = new Dense(4, "tanh").apply(inputs);
        KerasTensor sum = new Add().apply(hidden, inputs);
        KerasTensor joined = new Concatenate().apply(sum, new Dense(2).apply(inputs));
        Model model = new Model(inputs, new Dense(1).apply(joined));

        assertEquals(4 * 4 + 4 + 4 * 2 + 2 + 6 * 1 + 1, model.countParams());
        Tensor x = random(1, -1, 1, 3, 4);
        assertArrayEquals(new int[] {3, 1}, model.predict(x).shape());
        org.backprop.nn.records.LayerRecord add = org.backprop.nn.records.RunRecords.describe(model).layers().get(1);
        assertEquals("Add", add.type());
        assertEquals(java.util.List.of("dense", "input_layer"), add.inbound(), "the residual shows in the run record");
        assertEquals(java.util.List.of(6), org.backprop.nn.records.RunRecords.describe(model).layers().get(3).outputShape(),
                "Concatenate's output shape comes from the graph");
        checkWeights("functional model", () -> Ops.sumAll(model.call(x, true)), model.weights());
    }

    @Test
    void trainsLikeASequentialModel() {
        Input inputs = Input.shape(2);
        KerasTensor hidden = new Dense(8, "tanh").apply(inputs);
        Model model = new Model(inputs, new Dense(1, "sigmoid").apply(hidden));
        model.compile(new org.backprop.nn.optim.SGD(0.5, 0.9, false),
                new org.backprop.nn.losses.BinaryCrossentropy(false), "accuracy");
        Tensor x = Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
        Tensor y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});
        model.fit(x, y, FitOptions.epochs(300).batchSize(4).verbose(0));
        assertEquals(1.0, model.evaluate(x, y).get("accuracy"));
    }

    @Test
    void namesLayersAndShapesThatDoNotFit() {
        Input inputs = Input.shape(4);
        KerasTensor a = new Dense(3).apply(inputs);
        Add add = new Add();
        assertEquals("Layer \"add\" (Add) needs inputs of the same shape, got (None, 3), (None, 4)",
                assertThrows(IllegalArgumentException.class, () -> add.apply(a, inputs)).getMessage());
        Model model = new Model(inputs, a);
        assertEquals("Model \"functional\" expects input of shape (None, 4), but received input with shape (2, 5)",
                assertThrows(IllegalArgumentException.class, () -> model.predict(Tensor.zeros(2, 5))).getMessage());
    }
}
